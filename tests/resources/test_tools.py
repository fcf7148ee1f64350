"""Methodological tools: tree rules, files per language, counted downloads."""

import threading

from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from community.digests import digest_models
from home.models import HomePage
from resources.models import (
    PhrasebookPage,
    ToolFile,
    ToolIndexPage,
    ToolPage,
)
from tests.factories.pages import LANGUAGES, build_site
from tests.factories.resources import (
    document,
    phrasebook,
    tag,
    tool,
    tool_index,
    translations,
)
from tests.resources.helpers import count_queries, get, get_html


class PageTreeRulesTests(WagtailPageTestCase):
    def setUp(self):
        self.homes = build_site()

    def test_index_lives_under_home_and_holds_tools_and_the_phrasebook(self):
        self.assertAllowedParentPageTypes(ToolIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ToolIndexPage, {ToolPage, PhrasebookPage})
        self.assertAllowedSubpageTypes(ToolPage, set())
        self.assertAllowedSubpageTypes(PhrasebookPage, set())
        self.assertCanCreateAt(HomePage, ToolIndexPage)
        self.assertCanNotCreateAt(Page, ToolIndexPage)
        self.assertCanNotCreateAt(HomePage, ToolPage)

    def test_one_index_and_one_phrasebook_per_parent(self):
        index = tool_index(self.homes["lv"])
        self.assertFalse(ToolIndexPage.can_create_at(self.homes["lv"]))
        phrasebook(index)
        self.assertFalse(PhrasebookPage.can_create_at(index))
        self.assertTrue(ToolPage.can_create_at(index))

    def test_tool_pages_are_renderable_and_previewable(self):
        self.login()
        index = tool_index(self.homes["lv"])
        page = tool(index)
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(page)
        form = {
            "title": page.title,
            "slug": page.slug,
            "summary": "",
            "body": rich_text("<p>Kā lietot.</p>"),
            "topics": "",
            "files": inline_formset([]),
        }
        self.assertPageIsPreviewable(page, post_data=nested_form_data(form))

    def test_trainer_cannot_attach_a_text_file_to_a_tool(self):
        self.login()
        index = tool_index(self.homes["lv"])
        text = document("Piezīmes", "notes.txt")
        form = {
            "title": "Ceļvedis",
            "slug": "celvedis",
            "summary": "",
            "body": rich_text(""),
            "topics": "",
            "files": inline_formset([{"language": "lv", "document": text.pk}]),
        }
        response = self.client.post(
            f"/admin/pages/add/resources/toolpage/{index.pk}/",
            nested_form_data(form),
        )
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].formsets["files"].errors
        self.assertEqual(list(errors[0]), ["document"])
        self.assertFalse(ToolPage.objects.filter(slug="celvedis").exists())


@pytest.fixture
def index(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tool_index(site["en"], title="Tools")


@pytest.fixture
def guide(index):
    """A guide with a Latvian ODT (2,048 bytes) and an English PDF."""
    return tool(
        index,
        title="Diagnostics guide",
        summary="How to collect data.",
        files=[
            ("lv", document("Ceļvedis", "celvedis.odt", b"x" * 2048)),
            ("en", document("Guide", "guide.pdf", b"%PDF-1.4 guide")),
        ],
    )


@pytest.mark.django_db
def test_tool_files_must_be_pdf_docx_or_odt(index):
    page = tool(index)
    for filename in ("a.pdf", "a.DOCX", "a.odt"):
        ToolFile(page=page, language="lv", document=document("D", filename)).clean()
    for filename in ("a.txt", "a.html", "a.svg", "a.pdf.exe"):
        item = ToolFile(page=page, language="lv", document=document("D", filename))
        with pytest.raises(ValidationError, match="PDF, DOCX"):
            item.clean()


@pytest.mark.django_db
def test_tool_lists_each_language_with_type_size_and_count(client, guide):
    html = get_html(client, guide.url)
    files = list(guide.files.all())
    assert [f.language for f in files] == ["lv", "en"]
    latvian, english = files
    assert f'href="{guide.url}download/{latvian.pk}/" hreflang="lv"' in html
    assert "Latvian" in html and "English" in html
    assert "ODT, 2.0\xa0KB" in html
    assert "PDF, 14\xa0bytes" in html
    assert html.count("downloaded 0 times") == 2


@pytest.mark.django_db
def test_download_counts_a_get_and_redirects_to_the_document(client, guide):
    item = guide.files.get(language="lv")
    response = client.get(f"{guide.url}download/{item.pk}/")
    assert response.status_code == 302
    assert response["Location"] == item.document.url
    item.refresh_from_db()
    assert item.download_count == 1
    assert guide.files.get(language="en").download_count == 0
    assert "downloaded 1 time" in get_html(client, guide.url)
    served = client.get(response["Location"])
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"x" * 2048


BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "facebookexternalhit/1.1 Preview",
    "Screaming Frog SEO Spider/19.0",
]


@pytest.mark.django_db
def test_bots_and_head_requests_are_not_counted(client, guide):
    item = guide.files.get(language="lv")
    url = f"{guide.url}download/{item.pk}/"
    assert client.head(url).status_code == 302
    for agent in BOTS:
        assert client.get(url, headers={"User-Agent": agent}).status_code == 302
    item.refresh_from_db()
    assert item.download_count == 0


@pytest.mark.django_db
def test_bad_downloads_are_refused_and_count_nothing(client, guide, index):
    item = guide.files.get(language="lv")
    other = tool(index, title="Other")
    assert client.post(f"{guide.url}download/{item.pk}/").status_code == 405
    assert client.get(f"{other.url}download/{item.pk}/").status_code == 404
    assert client.get(f"{guide.url}download/999999/").status_code == 404
    assert client.get(f"{guide.url}download/abc/").status_code == 404
    item.refresh_from_db()
    assert item.download_count == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_downloads_are_all_counted(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    index = tool_index(site["en"], title="Tools")
    guide = tool(index, files=[("en", document("Guide", "guide.pdf"))])
    item = guide.files.get()
    url = f"{guide.url}download/{item.pk}/"
    threads, per_thread, failures = 6, 5, []
    start = threading.Barrier(threads)

    def download():
        client = Client()
        start.wait()
        try:
            for _ in range(per_thread):
                if client.get(url).status_code != 302:
                    failures.append(url)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=download) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    item.refresh_from_db()
    assert failures == []
    assert item.download_count == threads * per_thread


@pytest.mark.django_db
def test_tool_pages_render_in_each_language(client, site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    index = translations(tool_index(site["lv"]), site)
    page = translations(tool(index["lv"], title="Ceļvedis"), site)
    for language in LANGUAGES:
        for item in (index[language], page[language]):
            html = get_html(client, item.url)
            assert f'<html lang="{language}">' in html
            assert html.count("<h1") == 1


@pytest.mark.django_db
def test_index_shows_the_phrasebook_first_and_filters_tools_by_topic(client, index):
    book = phrasebook(index, title="Desk phrasebook")
    families = tool(index, title="Family evenings")
    tag(families, "children-youth-families", "Bērni, jaunieši un ģimenes")
    tag(tool(index, title="Hackathon guide"), "hackathons")
    html = get_html(client, index.url)
    assert html.index(book.title) < html.index("Guides and documents")
    assert html.index("Family evenings") < html.index("Hackathon guide")
    response = get(client, index.url, {"topic": "children-youth-families"})
    assert [p.title for p in response.context["tools"]] == ["Family evenings"]
    assert '<option value="children-youth-families" selected>' in (
        response.content.decode()
    )
    nothing = get(client, index.url, {"topic": "no-such-topic"})
    assert list(nothing.context["tools"]) == []


@pytest.mark.django_db
def test_index_paginates_and_survives_bad_query_strings(client, index, monkeypatch):
    monkeypatch.setattr("resources.listing.ITEMS_PER_PAGE", 2)
    for number in range(3):
        tool(index, title=f"Tool {number}")
    assert len(get(client, index.url).context["tools"]) == 2
    second = get(client, index.url, {"page": "2"}).context["tools"]
    assert [p.title for p in second] == ["Tool 2"]
    for query in [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "9" * 50},
        {"topic": "x" * 5000},
        {"topic": "\x00"},
    ]:
        assert client.get(index.url, query).status_code == 200, query


def test_tools_are_digest_material():
    assert {ToolPage, PhrasebookPage} <= set(digest_models())
    with translation.override("en"):
        assert str(ToolPage.digest_group) == "Methodological tools"


@pytest.mark.django_db
def test_tool_query_counts_do_not_grow(client, index, private_cache):
    guide = tool(index, files=[("en", document("G", "g.pdf"))])
    tag(guide, "hackathons")
    phrasebook(index)
    download = f"{guide.url}download/{guide.files.get().pk}/"
    urls = [index.url, guide.url]
    get(client, index.url)
    before = [count_queries(client, url) for url in urls]
    for number in range(6):
        more = tool(
            index,
            title=f"Tool {number}",
            files=[("lv", document(f"D{number}", f"d{number}.pdf"))],
        )
        tag(more, f"topic-{number}")
        guide.files.create(language="ru", document=document(f"R{number}", "r.pdf"))
    get(client, index.url)  # publishing clears Wagtail's site-root cache
    after = [count_queries(client, url) for url in urls]
    assert after == before
    # Wagtail's routing, the menu and the language switcher take 11 of these.
    assert after[0] <= 18 and after[1] <= 16, after
    with CaptureQueriesContext(connection) as queries:
        assert client.get(download).status_code == 302
    assert len(queries) <= 12
