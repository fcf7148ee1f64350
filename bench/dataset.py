"""A large site on PostgreSQL: content pages in Latvian and English, tagged."""

import random

from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from home.models import ContentPage, ContentPageTopic, HomePage, Topic

NO_BACKGROUND_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
}

WORDS = (
    "bibliotēka partnerība pašvaldība integrācija kopiena valoda hakatons stratēģija "
    "diagnostika ilgtspēja sarunvalodas klubs digitālās prasmes informācija ģimene"
).split()


def paragraph(rng, words=80):
    return "<p>" + " ".join(rng.choice(WORDS) for _ in range(words)) + "</p>"


def live_page(parent, page):
    """Add ``page`` under ``parent`` as published, without a revision.

    The admin would save a revision and index the page; a dataset of thousands
    skips both and fills the site search once at the end. Wagtail's own index,
    which only the admin's search reads, is left to `update_index`: the bench
    measures the public search.
    """
    now = timezone.now()
    page.locale = parent.locale
    page.live = True
    page.first_published_at = page.last_published_at = now
    return parent.add_child(instance=page)


def build(pages, topics=200, seed=1):
    """The demo site plus ``pages`` content pages, half Latvian, half English.

    Pages are spread over sections of 50 so that no index holds them all, and each
    carries three topics out of ``topics``.
    """
    rng = random.Random(seed)
    call_command("load_demo", verbosity=0)
    with override_settings(TASKS=NO_BACKGROUND_TASKS):
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
            section = None
            for number in range(pages // 2):
                if number % 50 == 0:
                    section = live_page(
                        homes[language],
                        ContentPage(
                            title=f"Sadaļa {language} {number // 50}",
                            show_in_menus=number < 300,
                        ),
                    )
                live_page(
                    section,
                    ContentPage(
                        title=f"Materiāls {language} {number}",
                        summary=" ".join(rng.choice(WORDS) for _ in range(20)),
                        body=[("paragraph", paragraph(rng)) for _ in range(4)],
                        topic_items=[
                            ContentPageTopic(tag=tag)
                            for tag in rng.sample(vocabulary, 3)
                        ],
                    ),
                )
    call_command("rebuild_search", verbosity=0)
    # Fresh tables have no statistics until autovacuum comes by: without them the
    # planner takes a search's thousands of matches for a handful.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
