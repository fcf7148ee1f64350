"""A large site on PostgreSQL: content pages in Latvian and English, tagged."""

import random

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page

from home.models import ContentPage, ContentPageTopic, HomePage, Topic

NO_BACKGROUND_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
}
SECTION_SIZE = 50  # content pages per section, so that no index holds them all

WORDS = (
    "bibliotēka partnerība pašvaldība integrācija kopiena valoda hakatons stratēģija "
    "diagnostika ilgtspēja sarunvalodas klubs digitālās prasmes informācija ģimene"
).split()


def paragraph(rng, words=80):
    return "<p>" + " ".join(rng.choice(WORDS) for _ in range(words)) + "</p>"


def free_slug(title, taken):
    """Wagtail's slug for a new page titled ``title``: its own, or with a suffix."""
    base = slug = slugify(title, allow_unicode=True)
    suffix = 1
    while slug in taken:
        suffix += 1
        slug = f"{base}-{suffix}"
    taken.add(slug)
    return slug


@transaction.atomic
def add_live_pages(parent, pages):
    """Add ``pages`` (unsaved, all of one page model) under ``parent``, published.

    What ``parent.add_child(instance=page)`` does for each, in a handful of queries
    for them all: a slug from the title, the next tree paths after the last
    child's, url_path, the parent's locale, the parent's count of children. Like
    the slow way, no revision is saved; no signal is sent either, so the caller
    fills the site search afterwards (search.indexing.rebuild) and Wagtail's own
    index, which only the admin's search reads, is left to `update_index`.
    Django's bulk_create refuses multi-table models: the Page rows are bulk
    created first, then the specific model's own rows with their page_ptr.
    Returns ``pages``, saved.
    """
    model = type(pages[0])
    last = parent.get_last_child()
    first_step = last._get_lastpos_in_path() + 1 if last else 1
    taken = set(parent.get_children().values_list("slug", flat=True))
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.slug = page.slug or free_slug(page.title, taken)
        page.draft_title = page.title
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = timezone.now()
    base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        Page(**{name: getattr(page, name) for name in base_fields}) for page in pages
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    model._base_manager._insert(pages, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def add_tagged_pages(parent, pages, tags):
    """Add content ``pages`` under ``parent``, each tagged with its list in ``tags``."""
    add_live_pages(parent, pages)
    ContentPageTopic.objects.bulk_create(
        ContentPageTopic(content_object_id=page.pk, tag=tag)
        for page, page_tags in zip(pages, tags, strict=True)
        for tag in page_tags
    )
    return pages


def section_content(titles, rng, vocabulary):
    """Content pages with a body, and three topics for each: (pages, tags)."""
    pages, tags = [], []
    for title in titles:
        pages.append(
            ContentPage(
                title=title,
                summary=" ".join(rng.choice(WORDS) for _ in range(20)),
                body=[("paragraph", paragraph(rng)) for _ in range(4)],
            )
        )
        tags.append(rng.sample(vocabulary, 3))
    return pages, tags


def add_content(pages, topics=200, seed=1):
    """``pages`` content pages, half under the Latvian home, half the English one.

    Pages are spread over sections of SECTION_SIZE, and each carries three
    topics out of ``topics``.
    """
    rng = random.Random(seed)
    Topic.objects.bulk_create(
        [
            Topic(name=f"Tēma {number}", slug=f"bench-topic-{number}")
            for number in range(topics)
        ],
        ignore_conflicts=True,
    )
    vocabulary = list(Topic.objects.all())
    homes = {home.locale.language_code: home for home in HomePage.objects.all()}
    for language in ("lv", "en"):
        numbers = range(pages // 2)
        starts = numbers[::SECTION_SIZE]
        sections = add_live_pages(
            homes[language],
            [
                ContentPage(
                    title=f"Sadaļa {language} {start // SECTION_SIZE}",
                    show_in_menus=start < 300,
                )
                for start in starts
            ],
        )
        for section, start in zip(sections, starts, strict=True):
            titles = [
                f"Materiāls {language} {number}"
                for number in numbers[start : start + SECTION_SIZE]
            ]
            add_tagged_pages(section, *section_content(titles, rng, vocabulary))


def add_course(home, lessons=5):
    """A catalogue under ``home`` with one course of ``lessons`` lessons."""
    from courses.models import CourseIndexPage, CoursePage, LessonPage

    [catalogue] = add_live_pages(home, [CourseIndexPage(title="Mācību moduļi")])
    [course] = add_live_pages(
        catalogue, [CoursePage(title="Modulis", summary="Kopsavilkums.")]
    )
    add_live_pages(
        course, [LessonPage(title=f"Nodarbība {number}") for number in range(lessons)]
    )


def build(pages, topics=200, seed=1, demo=True):
    """The demo site plus ``pages`` content pages, half Latvian, half English.

    The demo is loaded without background tasks: they would fill Wagtail's own
    search index and reference index, which only the admin reads. Without the
    demo, the site is a home page per language and a course.
    """
    from tests.factories.pages import build_site

    with override_settings(TASKS=NO_BACKGROUND_TASKS):
        if demo:
            call_command("load_demo", verbosity=0)
        else:
            add_course(build_site()["lv"])
    add_content(pages, topics, seed)
    call_command("rebuild_search", verbosity=0)
    # Fresh tables have no statistics until autovacuum comes by: without them the
    # planner takes a search's thousands of matches for a handful.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
