"""load_demo builds the handbook and the webinars in Latvian and English."""

import re
from zoneinfo import ZoneInfo

from django.core.management import call_command

from wagtail.models import Page

import pytest

from resources.models import HandbookChapterPage, HandbookPage, WebinarPage


def snapshot():
    return sorted(
        Page.objects.values_list("url_path", "locale__language_code", "title", "live")
    )


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo")


def by_language(model):
    pages = {}
    for page in model.objects.live().select_related("locale"):
        pages.setdefault(page.locale.language_code, []).append(page)
    return pages


@pytest.mark.django_db
def test_demo_builds_the_handbook_in_latvian_and_english(client, demo):
    books = by_language(HandbookPage)
    assert set(books) == {"lv", "en"}
    assert books["lv"][0].title == "Partnerības rokasgrāmata"
    assert books["lv"][0].summary.startswith("Kā izveidot vietējo partnerību")
    assert books["en"][0].title == "Partnership handbook"
    assert books["en"][0].summary.startswith("How to build a local partnership")
    chapters = by_language(HandbookChapterPage)
    assert len(chapters["lv"]) == len(chapters["en"]) >= 5
    assert any(page.depth > books["lv"][0].depth + 1 for page in chapters["lv"])
    html = client.get(books["en"][0].url).content.decode()
    for title in ("Why the library", "Agreeing to work together", "Hackathons"):
        assert title in html
    hackathons = next(p for p in chapters["en"] if p.slug == "hackathons")
    text = client.get(hackathons.url).content.decode()
    assert "124 participants in all" in text and "Checklist" in text
    agreement = next(p for p in chapters["lv"] if p.slug == "vienosanas-par-sadarbibu")
    text = client.get(agreement.url).content.decode()
    assert "Siguldas novada bibliotēka, Latvija" in text
    assert "21. februārī" in text


@pytest.mark.django_db
def test_demo_webinars_two_past_two_upcoming_in_both_languages(client, demo):
    webinars = by_language(WebinarPage)
    assert set(webinars) == {"lv", "en"}
    for pages in webinars.values():
        assert sorted(page.is_upcoming for page in pages) == [False, False, True, True]
        for page in pages:
            local = page.start.astimezone(ZoneInfo("Europe/Riga"))
            assert (local.weekday(), local.day <= 7, local.hour) == (2, True, 14)
            response = client.get(page.url)
            assert response.status_code == 200
            html = response.content.decode()
            if page.is_upcoming:
                assert "meet.example.org" in html
            else:
                assert page.transcript
                assert "meet.example.org" not in html
    titles = {page.title for page in webinars["en"]}
    assert "LinkedIn for librarians" in titles
    assert "The needs of vulnerable users" in titles


@pytest.mark.django_db
def test_demo_tools_phrasebook_practices_and_news_found_by_search(client, demo):
    from resources.models import (
        NewsPage,
        PhrasebookPage,
        PracticePage,
        ToolPage,
    )

    for model, least in ((ToolPage, 2), (PracticePage, 4), (NewsPage, 4)):
        pages = by_language(model)
        assert set(pages) == {"lv", "en"}, model
        assert len(pages["lv"]) == len(pages["en"]) >= least, model
        for page in pages["lv"] + pages["en"]:
            assert client.get(page.url).status_code == 200, page.url
            assert page.topic_items.exists(), page.url
    for tool in ToolPage.objects.all():
        assert {f.language for f in tool.files.all()} == {"lv", "en"}
        assert all(f.extension == "odt" for f in tool.files.all())
    books = by_language(PhrasebookPage)
    assert set(books) == {"lv", "en"}
    phrases = list(books["lv"][0].phrases.all())
    by_situation = {}
    for phrase in phrases:
        by_situation.setdefault(phrase.situation, []).append(phrase)
        assert all(phrase.text(code) for code in ("lv", "en", "uk", "ru"))
    assert set(by_situation) == {
        "registration",
        "borrowing",
        "events",
        "directions",
        "digital",
    }
    assert all(4 <= len(group) <= 6 for group in by_situation.values())
    practices = {page.title for page in by_language(PracticePage)["en"]}
    assert "Digital skills classes with interpreter support" in practices
    html = client.get("/en/news/feed/rss/").content.decode()
    assert "Five hackathons, 124 participants" in html
    menu = client.get("/en/").content.decode()
    for title in ("Methodological tools", "Good practices", "News"):
        assert f">{title}</a>" in menu
    html = client.get("/en/search/", {"query": "speed dating"}).content.decode()
    # Search marks the matched words in titles.
    assert "Conversation clubs and language speed dating" in unmarked(html)
    html = client.get("/en/search/", {"query": "interviews focus groups"})
    assert "Local diagnostics guide" in unmarked(html.content.decode())


def unmarked(html):
    return re.sub(r"</?mark>", "", html)
