"""Course pages: where they may live, how they render, what they cost in queries."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import ContentPage, HomePage, Topic
from tests.factories.courses import (
    catalogue,
    course,
    lesson,
    translated_course_tree,
)
from tests.factories.pages import LANGUAGES, build_site


def list_block(items):
    """ListBlock form data, as the admin's editor posts it."""
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def answer_form(text, correct, feedback=""):
    data = {"text": text, "feedback": feedback}
    if correct:
        data["is_correct"] = "on"
    return data


class PageTreeRulesTests(WagtailPageTestCase):
    """Catalogue under home, courses under the catalogue, lessons under courses."""

    def setUp(self):
        self.homes = build_site()
        self.login()

    def test_catalogue_lives_under_home(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertCanNotCreateAt(ContentPage, CourseIndexPage)

    def test_course_lives_in_the_catalogue(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertCanCreateAt(CourseIndexPage, CoursePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(CoursePage, CoursePage)

    def test_lesson_lives_in_a_course_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertCanCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanNotCreateAt(HomePage, LessonPage)

    def test_trainer_creates_a_lesson_with_a_knowledge_check(self):
        parent = course(catalogue(self.homes["lv"]))
        check = {
            "title": "Pārbaudi sevi",
            "introduction": "",
            "questions": list_block(
                [
                    {
                        "kind": "single",
                        "text": "Ar ko sākas diagnostika?",
                        "answers": list_block(
                            [
                                answer_form("Ar mobilitātes pasākumu", True, "Jā."),
                                answer_form("Ar hakatonu", False, "Vēlāk."),
                            ]
                        ),
                    },
                    {
                        "kind": "true_false",
                        "text": "Pārskats ir stratēģijas pamats.",
                        "answers": list_block(
                            [answer_form("Patiesi", True), answer_form("Nepatiesi", 0)]
                        ),
                    },
                ]
            ),
        }
        self.assertCanCreate(
            parent,
            LessonPage,
            nested_form_data(
                {
                    "title": "Diagnostikas pārskats",
                    "slug": "diagnostikas-parskats",
                    "summary": "Kā apkopot atziņas.",
                    "estimated_minutes": "20",
                    "body": streamfield(
                        [
                            ("paragraph", rich_text("<p>Pārskats apkopo.</p>")),
                            ("knowledge_check", check),
                        ]
                    ),
                }
            ),
        )
        page = LessonPage.objects.get(slug="diagnostikas-parskats")
        [question_one, question_two] = (
            page.knowledge_checks().popitem()[1]["questions"].bound_blocks
        )
        assert question_one.id and question_two.id != question_one.id
        assert [a["is_correct"] for a in question_two.value["answers"]] == [
            True,
            False,
        ]

    def test_pages_are_renderable(self):
        tree = translated_course_tree(self.homes)
        for kind in ("catalogue", "course", "lesson"):
            self.assertPageIsRenderable(tree[kind]["lv"])


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["catalogue", "course", "lesson"])
def test_each_page_type_renders_in_each_language(client, site, kind, language):
    tree = translated_course_tree(site)
    html = get_ok(client, tree[kind][language].url).content.decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert tree[kind][language].title in html


@pytest.mark.django_db
def test_catalogue_lists_live_courses_of_its_language_with_facts(client, site):
    index = catalogue(site["lv"])
    first = course(index, title="Vietējā diagnostika", estimated_minutes=60)
    second = course(index, title="Hakatonu organizēšana", level="advanced")
    draft = course(index, title="Melnraksts")
    draft.unpublish()
    for number in range(3):
        lesson(first, title=f"Nodarbība {number}")
    lesson(second).unpublish()
    english = catalogue(site["en"], title="Training modules")
    course(english, title="English only")
    html = get_ok(client, index.url).content.decode()
    assert html.index(first.title) < html.index(second.title)
    assert "Melnraksts" not in html and "English only" not in html
    facts = [block.split("</dl>")[0] for block in html.split('<dl class="facts">')[1:]]
    assert "<dd>3</dd>" in facts[0] and "<dd>0</dd>" in facts[1]


@pytest.mark.django_db
def test_course_lists_lessons_in_order_and_its_languages(client, site):
    tree = translated_course_tree(site)
    lesson(tree["course"]["lv"], title="Otrā nodarbība", check=False)
    Topic.objects.create(name="Hakatoni", slug="hakatoni", name_en="Hackathons")
    page = tree["course"]["lv"]
    page.topics.add("Hakatoni")
    page.save_revision().publish()
    html = get_ok(client, page.url).content.decode()
    assert html.index(tree["lesson"]["lv"].title) < html.index("Otrā nodarbība")
    for code in ("en", "uk", "ru"):
        assert f'href="{tree["course"][code].url}" hreflang="{code}"' in html
    assert "Hakatoni" in html
    assert "70%" in html


@pytest.mark.django_db
def test_prerequisites_are_shown_in_the_readers_language(client, site):
    tree = translated_course_tree(site)
    later = course(tree["catalogue"]["en"], title="Organising hackathons")
    later.prerequisites.set([tree["course"]["lv"]])  # linked in Latvian
    later.save_revision().publish()
    html = get_ok(client, later.url).content.decode()
    assert f'href="{tree["course"]["en"].url}"' in html
    assert f'href="{tree["course"]["lv"].url}"' not in html


@pytest.mark.django_db
def test_a_lesson_made_private_leaves_its_course_and_neighbours(
    client, site, private_cache
):
    tree = translated_course_tree(site)
    course_page, first = tree["course"]["lv"], tree["lesson"]["lv"]
    second = lesson(course_page, title="Slēgtā nodarbība", check=False)
    for page in (course_page, first):  # the private sections are remembered
        assert second.title in get_ok(client, page.url).content.decode()
    PageViewRestriction.objects.create(
        page=second, restriction_type=PageViewRestriction.LOGIN
    )
    for page in (course_page, first):
        assert second.title not in get_ok(client, page.url).content.decode()


@pytest.mark.django_db
def test_lesson_links_its_course_and_neighbours(client, site):
    tree = translated_course_tree(site)
    second = lesson(tree["course"]["lv"], title="Otrā nodarbība", check=False)
    html = get_ok(client, tree["lesson"]["lv"].url).content.decode()
    assert f'href="{tree["course"]["lv"].url}"' in html
    assert f'rel="next" href="{second.url}"' in html


@pytest.mark.django_db
def test_lesson_html_gives_no_answer_away(client, site):
    tree = translated_course_tree(site)
    html = get_ok(client, tree["lesson"]["lv"].url).content.decode()
    assert "csrfmiddlewaretoken" in html
    for trace in ("is_correct", "Feedback on", "data-correct", "Not quite", "checked"):
        assert trace not in html
    # Inputs differ only by their ids: nothing marks the right answers.
    inputs = re.findall(r'<input type="(?:radio|checkbox)"[^>]*>', html)
    assert len(inputs) == 7
    shapes = {re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "ID", tag) for tag in inputs}
    assert shapes == {
        '<input type="radio" name="q-ID" id="answer-ID" value="ID">',
        '<input type="checkbox" name="q-ID" id="answer-ID" value="ID">',
    }


@pytest.fixture
def private_cache(settings):
    """A cache of this process's own, so that another test run on the same Redis
    clearing the shared cache cannot add queries between warm-up and count."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }


def count_queries(client, url):
    get_ok(client, url)  # content changed: routes and menus are remembered anew
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, url)
    return len(queries)


# Measured on an English page: one query each, the page's. Routes, header,
# switcher, footer, private sections, a course's languages, lessons and topics, a
# lesson's course and siblings and the catalogue's courses are remembered per
# content generation (see home/serving.py and home/caching.py).
QUERY_BUDGET = {"catalogue": 1, "course": 1, "lesson": 1}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["catalogue", "course", "lesson"])
def test_query_count(client, site, kind, private_cache, django_assert_max_num_queries):
    page = translated_course_tree(site)[kind]["en"]
    get_ok(client, page.url)  # warm Wagtail's site-root cache
    with django_assert_max_num_queries(QUERY_BUDGET[kind]):
        get_ok(client, page.url)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_courses_and_lessons(client, site, private_cache):
    tree = translated_course_tree(site)
    urls = [tree[kind]["lv"].url for kind in ("catalogue", "course", "lesson")]
    for url in urls:
        get_ok(client, url)
    before = [count_queries(client, url) for url in urls]
    for number in range(6):
        extra = course(tree["catalogue"]["lv"], title=f"Kurss {number}")
        lesson(extra, title=f"Nodarbība {number}")
        lesson(tree["course"]["lv"], title=f"Vēl nodarbība {number}")
    assert [count_queries(client, url) for url in urls] == before


@pytest.mark.django_db
def test_video_shows_its_transcript_and_never_autoplays(
    client, site, settings, tmp_path
):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    settings.MEDIA_ROOT = tmp_path
    recording = Document.objects.create(
        title="Ieraksts", file=ContentFile(b"\x00" * 16, name="ieraksts.mp4")
    )
    body = [
        (
            "video",
            {
                "title": "Hakatons Ogrē",
                "embed": None,
                "document": recording,
                "transcript": "<p>Teksta atšifrējums.</p>",
            },
        ),
        ("download", {"document": recording, "label": "Ieraksts lejupielādei"}),
        ("reflection", {"question": "Ko jūs darītu citādi?"}),
    ]
    page = lesson(course(catalogue(site["lv"])), check=False, body=body)
    html = get_ok(client, page.url).content.decode()
    assert '<video controls preload="metadata"' in html
    assert "autoplay" not in html
    assert "Teksta atšifrējums." in html
    assert "Ieraksts lejupielādei" in html and "Ko jūs darītu citādi?" in html


def test_video_needs_exactly_one_source():
    from django.core.exceptions import ValidationError

    from courses.blocks import VideoBlock

    block = VideoBlock()
    value = block.normalize(
        {"title": "Video", "embed": None, "document": None, "transcript": "<p>T</p>"}
    )
    with pytest.raises(ValidationError):
        block.clean(value)
