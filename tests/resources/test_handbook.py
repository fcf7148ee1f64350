"""The handbook: tree rules, rendering, contents, reading order and reading time."""

import re

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.models import ContentPage, HomePage
from resources.models import (
    HandbookChapterPage,
    HandbookPage,
    WebinarIndexPage,
    WebinarPage,
)
from tests.factories.pages import LANGUAGES, build_site, content_page
from tests.factories.resources import chapter, handbook, translations


class PageTreeRulesTests(WagtailPageTestCase):
    """The handbook hangs under a home page; chapters nest under it and each other."""

    def setUp(self):
        self.homes = build_site()

    def test_handbook_lives_under_home_and_holds_chapters(self):
        self.assertAllowedParentPageTypes(HandbookPage, {HomePage})
        self.assertAllowedSubpageTypes(HandbookPage, {HandbookChapterPage})
        self.assertCanCreateAt(HomePage, HandbookPage)
        self.assertCanNotCreateAt(Page, HandbookPage)
        self.assertCanNotCreateAt(ContentPage, HandbookPage)
        self.assertCanNotCreateAt(HandbookPage, HandbookPage)

    def test_chapters_live_in_the_book_or_in_a_chapter(self):
        self.assertAllowedParentPageTypes(
            HandbookChapterPage, {HandbookPage, HandbookChapterPage}
        )
        self.assertAllowedSubpageTypes(HandbookChapterPage, {HandbookChapterPage})
        self.assertCanCreateAt(HandbookPage, HandbookChapterPage)
        self.assertCanCreateAt(HandbookChapterPage, HandbookChapterPage)
        self.assertCanNotCreateAt(HomePage, HandbookChapterPage)
        self.assertCanNotCreateAt(HandbookChapterPage, WebinarPage)

    def test_home_offers_the_handbook_and_the_webinars(self):
        allowed = set(HomePage.allowed_subpage_models())
        self.assertLessEqual({HandbookPage, WebinarIndexPage}, allowed)

    def test_one_handbook_per_home_page(self):
        handbook(self.homes["lv"])
        self.assertFalse(HandbookPage.can_create_at(self.homes["lv"]))
        self.assertTrue(HandbookPage.can_create_at(self.homes["en"]))

    def test_trainer_writes_a_chapter_with_an_experience_story(self):
        trainer = self.create_user("trainer", password="libri-test-password")  # noqa: S106
        trainer.groups.add(Group.objects.get(name="Trainers"))
        self.login(trainer, password="libri-test-password")  # noqa: S106
        book = handbook(self.homes["lv"])
        self.assertCanCreate(
            book,
            HandbookChapterPage,
            nested_form_data(
                {
                    "title": "Partnerības veidošana",
                    "slug": "partneribas-veidosana",
                    "summary": "Trīs puses.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Trīs puses", "level": "h2"}),
                            ("paragraph", rich_text("<p>Bibliotēka.</p>")),
                            (
                                "story",
                                {
                                    "title": "Sigulda paraksta nodomu protokolu",
                                    "country": "Latvija",
                                    "library": "Siguldas novada bibliotēka",
                                    "story": rich_text("<p>21. februārī.</p>"),
                                },
                            ),
                        ]
                    ),
                    "topics": "Partnerības",
                }
            ),
            publish=False,  # Wagtail's Editors group saves drafts for moderation
        )
        page = HandbookChapterPage.objects.get(slug="partneribas-veidosana")
        self.assertEqual(page.get_parent().specific, book)
        self.assertEqual(page.body[2].value["library"], "Siguldas novada bibliotēka")
        self.assertEqual([t.name for t in page.topics.all()], ["Partnerības"])

    def test_handbook_is_renderable(self):
        book = handbook(self.homes["lv"])
        self.assertPageIsRenderable(book)
        self.assertPageIsRenderable(chapter(book, title="Ievads"))

    def test_handbook_is_previewable(self):
        self.login()
        book = handbook(self.homes["lv"])
        for page in (book, chapter(book, title="Ievads")):
            form = {
                "title": page.title,
                "slug": page.slug,
                "summary": "",
                "body": streamfield([("heading", {"text": "Ievads", "level": "h2"})]),
                "topics": "",
            }
            self.assertPageIsPreviewable(page, post_data=nested_form_data(form))


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def translated_book(site):
    """A book with one chapter and one sub-chapter in each of the four languages."""
    book = translations(handbook(site["lv"]), site)
    first = translations(chapter(book["lv"], title="Kāpēc bibliotēka"), site)
    sub = translations(chapter(first["lv"], title="Telpa visiem"), site)
    return book, first, sub


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_book_and_chapters_render_in_each_language(client, site, language):
    book, first, sub = translated_book(site)
    for page in (book[language], first[language], sub[language]):
        html = get_html(client, page.url)
        assert f'<html lang="{language}">' in html
        assert html.count("<h1") == 1
        assert page.title in html


@pytest.fixture
def book(site):
    """1. Why, 2. Partnership (2.1 Agreement, 2.2 Roles), 3. Hackathons."""
    book = handbook(site["en"], title="Handbook")
    why = chapter(book, title="Why the library")
    partnership = chapter(book, title="Building the partnership")
    agreement = chapter(partnership, title="Agreeing to work together")
    roles = chapter(partnership, title="Roles")
    hackathons = chapter(book, title="Hackathons")
    return {
        "book": book,
        "why": why,
        "partnership": partnership,
        "agreement": agreement,
        "roles": roles,
        "hackathons": hackathons,
    }


@pytest.mark.django_db
def test_book_lists_every_chapter_in_tree_order_nested(client, book):
    response = client.get(book["book"].url)
    toc = response.context["toc"]
    assert [(e.number, e.page.title) for e in toc] == [
        ("1", "Why the library"),
        ("2", "Building the partnership"),
        ("3", "Hackathons"),
    ]
    assert [(e.number, e.page.title) for e in toc[1].children] == [
        ("2.1", "Agreeing to work together"),
        ("2.2", "Roles"),
    ]
    html = response.content.decode()
    nav = html[html.index('class="handbook-toc"') :]
    titles = [
        "Why the library",
        "Building the partnership",
        "Agreeing to work together",
        "Roles",
        "Hackathons",
    ]
    positions = [nav.index(title) for title in titles]
    assert positions == sorted(positions)
    # The sub-chapters' list sits inside the chapter's item.
    partnership_item = nav[nav.index("Building the partnership") : nav.index("Roles")]
    assert '<ol class="toc">' in partnership_item


@pytest.mark.django_db
def test_drafts_are_left_out_of_the_contents(client, book):
    book["roles"].unpublish()
    response = client.get(book["book"].url)
    assert [e.page.title for e in response.context["toc"][1].children] == [
        "Agreeing to work together"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "previous", "following", "number"),
    [
        ("why", None, "partnership", "1"),
        ("partnership", "why", "agreement", "2"),
        ("agreement", "partnership", "roles", "2.1"),
        ("roles", "agreement", "hackathons", "2.2"),
        ("hackathons", "roles", None, "3"),
    ],
)
def test_previous_and_next_follow_reading_order(
    client, book, name, previous, following, number
):
    response = client.get(book[name].url)
    context = response.context
    assert context["number"] == number
    assert (context["previous"] and context["previous"].pk) == (
        previous and book[previous].pk
    )
    assert (context["next"] and context["next"].pk) == (
        following and book[following].pk
    )
    html = response.content.decode()
    if previous:
        assert f'href="{book[previous].url}" rel="prev"' in html
    if following:
        assert f'href="{book[following].url}" rel="next"' in html


def breadcrumb(html):
    start = html.index('class="breadcrumb"')
    return html[start : html.index("</nav>", start)]


@pytest.mark.django_db
def test_chapter_names_its_book_after_a_rename_and_a_move(
    client, site, book, private_cache
):
    agreement = book["agreement"]
    # The book of a chapter is remembered: a publish or a move must renew it.
    assert "Handbook</a>" in breadcrumb(get_html(client, agreement.url))
    book["book"].title = "Partnership handbook"
    book["book"].save_revision().publish()
    assert "Partnership handbook</a>" in breadcrumb(get_html(client, agreement.url))
    other = handbook(site["lv"], title="Rokasgrāmata")
    agreement.move(other, pos="last-child")
    agreement.refresh_from_db()
    html = get_html(client, agreement.url)
    assert f'<a href="{other.url}">Rokasgrāmata</a>' in breadcrumb(html)


def words(count):
    return " ".join(["vārds"] * count)


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "minutes"), [(0, 1), (150, 1), (200, 1), (450, 3)])
def test_reading_time_is_words_over_200_at_least_one_minute(
    client, site, count, minutes
):
    book = handbook(site["en"], title="Handbook")
    body = [("paragraph", f"<p>{words(count)}</p>")] if count else []
    page = chapter(book, title="Chapter", body=body)
    assert page.reading_minutes() == minutes
    html = get_html(client, page.url)
    assert f"Reading time: {minutes} minute" in html


@pytest.mark.django_db
def test_reading_time_counts_callouts_and_checklists(site):
    book = handbook(site["en"], title="Handbook")
    page = chapter(
        book,
        body=[
            ("heading", {"text": "Two words", "level": "h2"}),
            ("tip", {"title": "", "text": f"<p>{words(100)}</p>"}),
            ("checklist", {"title": "List", "items": [words(50), words(49)]}),
            (
                "story",
                {"title": "Story", "country": "Latvia", "library": "Lib", "story": ""},
            ),
        ],
    )
    assert page.word_count() == 2 + 100 + 1 + 99 + 3
    assert page.reading_minutes() == 2


@pytest.mark.django_db
def test_chapter_lists_its_headings_as_anchors(client, site):
    book = handbook(site["en"], title="Handbook")
    page = chapter(
        book,
        body=[
            ("heading", {"text": "The three partners", "level": "h2"}),
            ("paragraph", "<p>Text.</p>"),
            ("heading", {"text": "The library", "level": "h3"}),
        ],
    )
    html = get_html(client, page.url)
    anchors = re.findall(r'<a href="#(section-[^"]+)">([^<]+)</a>', html)
    assert [text for _, text in anchors] == ["The three partners", "The library"]
    for anchor, text in anchors:
        assert re.search(rf'<h[23] id="{anchor}">{text}</h[23]>', html)
    # The anchor is the block's id: renaming a heading keeps links to it working.
    assert anchors[0][0] == f"section-{page.body[0].id}"


@pytest.mark.django_db
def test_callouts_checklist_and_download_render(client, site, settings, tmp_path):
    from tests.factories.resources import document

    settings.MEDIA_ROOT = tmp_path
    template = document("Memorandum", "memorandum.pdf", b"%PDF-1.4" + b"x" * 2000)
    book = handbook(site["en"], title="Handbook")
    page = chapter(
        book,
        body=[
            ("tip", {"title": "Start small", "text": "<p>One step.</p>"}),
            (
                "story",
                {
                    "title": "Memorandum",
                    "country": "Latvia",
                    "library": "Siguldas novada bibliotēka",
                    "story": "<p>Signed on 21 February.</p>",
                },
            ),
            ("checklist", {"title": "Before", "items": ["Call", "Write"]}),
            (
                "template_download",
                {"document": template, "label": "Template", "description": ""},
            ),
        ],
    )
    html = get_html(client, page.url)
    assert "Practical tip" in html and "Start small" in html
    assert "Experience story" in html
    assert "Siguldas novada bibliotēka, Latvia" in html
    assert html.count('<input type="checkbox">') == 2
    assert f'href="{template.url}"' in html
    assert "(PDF, 2.0\xa0KB)" in html


@pytest.mark.django_db
def test_chapter_has_print_styles(client, site):
    page = chapter(handbook(site["en"], title="Handbook"))
    html = get_html(client, page.url)
    assert "resources/css/resources.css" in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("resources/css/resources.css")).read()
    print_rules = css[css.index("@media print") :]
    assert ".pager" in print_rules and "attr(href)" in print_rules
    assert ".callout" in print_rules and "border" in print_rules


def count_queries(client, url):
    get_html(client, url)  # content changed: routes and menus are remembered anew
    with CaptureQueriesContext(connection) as queries:
        get_html(client, url)
    return len(queries)


@pytest.mark.django_db
def test_book_and_chapter_query_counts(
    client, book, django_assert_max_num_queries, private_cache
):
    for page in (book["book"], book["agreement"]):
        get_html(client, page.url)  # warm Wagtail's site-root cache
    # The page in one query (routes, private sections and a chapter's book are
    # remembered, see home/serving.py and home/caching.py); the contents, the
    # book's current PDF, a chapter's reading order and its topics are remembered
    # per content generation. A chapter's body is rendered afresh each time, with
    # one query for the documents its downloads offer.
    with django_assert_max_num_queries(1):
        get_html(client, book["book"].url)
    with django_assert_max_num_queries(2):
        get_html(client, book["agreement"].url)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_more_chapters(client, book, private_cache):
    get_html(client, book["book"].url)
    before = {name: count_queries(client, book[name].url) for name in ("book", "roles")}
    for number in range(6):
        added = chapter(book["book"], title=f"Extra {number}")
        chapter(added, title=f"Extra {number}.1")
        content_page(book["book"].get_parent(), title=f"Page {number}")
    for name in ("book", "roles"):  # publishing clears Wagtail's site-root cache
        get_html(client, book[name].url)
    after = {name: count_queries(client, book[name].url) for name in ("book", "roles")}
    assert after == before


@pytest.mark.django_db
def test_remembered_contents_give_way_to_a_publication(client, site, private_cache):
    """The book's chapters and a chapter's reading order are remembered per content
    generation: a chapter published or unpublished shows on the next request."""
    book = handbook(site["lv"], title="Rokasgrāmata")
    first = chapter(book, title="Pirmā nodaļa")
    get_html(client, book.url)
    get_html(client, first.url)

    second = chapter(book, title="Otrā nodaļa")
    assert "Otrā nodaļa" in get_html(client, book.url)
    assert "Otrā nodaļa" in get_html(client, first.url)  # its "next" link

    second.unpublish()
    assert "Otrā nodaļa" not in get_html(client, book.url)
    assert "Otrā nodaļa" not in get_html(client, first.url)
