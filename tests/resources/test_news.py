"""News: the index, dated items, Atom and RSS feeds, per topic too."""

import xml.etree.ElementTree as ET
from datetime import date

from wagtail.test.utils import WagtailPageTestCase

import pytest

from community.digests import digest_models
from home.models import HomePage
from resources.models import NewsIndexPage, NewsPage
from tests.factories.pages import LANGUAGES, build_site
from tests.factories.resources import news_index, news_item, tag, translations
from tests.resources.helpers import count_queries, get, get_html

ATOM = "{http://www.w3.org/2005/Atom}"


class PageTreeRulesTests(WagtailPageTestCase):
    def setUp(self):
        self.homes = build_site()

    def test_index_under_home_items_under_the_index(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        index = news_index(self.homes["lv"])
        self.assertFalse(NewsIndexPage.can_create_at(self.homes["lv"]))
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(news_item(index))


@pytest.fixture
def index(site):
    return news_index(site["en"], title="News", intro="Project news.")


@pytest.fixture
def news(index):
    ogre = news_item(
        index,
        title="Training in Ogre",
        date=date(2025, 5, 27),
        summary="All Latvian partners met in Ogre.",
    )
    tag(ogre, "local-strategy")
    hackathons = news_item(
        index,
        title="Five hackathons, 124 participants",
        date=date(2025, 9, 16),
        summary="The series closed in Ogre.",
    )
    tag(hackathons, "hackathons")
    sigulda = news_item(index, title="Sigulda memorandum", date=date(2025, 2, 21))
    tag(sigulda, "partnerships")
    return [hackathons, ogre, sigulda]


@pytest.mark.django_db
def test_index_lists_latest_first_and_filters_by_topic(client, index, news):
    response = get(client, index.url)
    assert list(response.context["items"]) == news
    html = response.content.decode()
    assert '<time datetime="2025-09-16">Sept. 16, 2025</time>' in html
    filtered = get(client, index.url, {"topic": "hackathons"})
    assert [p.title for p in filtered.context["items"]] == [news[0].title]
    assert f'href="{index.url}topics/hackathons/atom/"' in filtered.content.decode()
    assert list(get(client, index.url, {"topic": "nope"}).context["items"]) == []


@pytest.mark.django_db
def test_index_paginates(client, index, monkeypatch):
    monkeypatch.setattr("resources.models.news.NEWS_PER_PAGE", 2)
    for day in range(1, 4):
        news_item(index, title=f"Day {day}", date=date(2025, 3, day))
    assert len(get(client, index.url).context["items"]) == 2
    second = get(client, index.url, {"page": "2"}).context["items"]
    assert [p.title for p in second] == ["Day 1"]
    for query in [{"page": "x"}, {"page": "0"}, {"topic": "\x00" * 10}]:
        assert client.get(index.url, query).status_code == 200


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, ET.fromstring(response.content)  # noqa: S314 (our own feed)


@pytest.mark.django_db
def test_rss_feed_lists_the_latest_items(client, index, news):
    response, root = feed(client, f"{index.url}feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = root.find("channel")
    assert channel.findtext("title") == "News | LIBRI"
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [p.title for p in news]
    first = items[0]
    assert first.findtext("link") == f"http://testserver{news[0].url}"
    assert first.findtext("description") == "The series closed in Ogre."
    assert first.findtext("pubDate").startswith("Tue, 16 Sep 2025 09:00:00 +0300")


@pytest.mark.django_db
def test_atom_feed_lists_the_latest_items(client, index, news):
    response, root = feed(client, f"{index.url}feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [p.title for p in news]
    link = entries[1].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{news[1].url}"
    assert entries[1].findtext(f"{ATOM}published") == "2025-05-27T09:00:00+03:00"
    assert root.findtext(f"{ATOM}subtitle") == "Project news."


@pytest.mark.django_db
def test_topic_feeds_hold_only_that_topic(client, index, news):
    _, rss = feed(client, f"{index.url}topics/hackathons/rss/")
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert titles == ["Five hackathons, 124 participants"]
    assert rss.find("channel").findtext("title") == "News: hackathons | LIBRI"
    _, atom = feed(client, f"{index.url}topics/partnerships/atom/")
    entries = atom.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Sigulda memorandum"]
    for slug in ("no-such-topic", "%00", "x" * 300):
        assert client.get(f"{index.url}topics/{slug}/rss/").status_code == 404


@pytest.mark.django_db
def test_feeds_leave_out_drafts_and_other_indexes(client, site, index, news):
    draft = news_item(index, title="Draft")
    draft.unpublish()
    other = news_index(site["lv"])
    news_item(other, title="Latvian item")
    _, root = feed(client, f"{index.url}feed/rss/")
    titles = [item.findtext("title") for item in root.iter("item")]
    assert "Draft" not in titles and "Latvian item" not in titles


@pytest.mark.django_db
def test_pages_link_their_feeds_in_the_head(client, index, news):
    for url in (index.url, news[0].url):
        html = get_html(client, url)
        head = html[: html.index("</head>")]
        assert (
            '<link rel="alternate" type="application/atom+xml" title="News (Atom)" '
            f'href="{index.url}feed/atom/">' in head
        )
        assert (
            f'type="application/rss+xml" title="News (RSS)" href="{index.url}feed/rss/"'
            in head
        )
    head = get_html(client, index.url, {"topic": "hackathons"}).split("</head>")[0]
    assert f'href="{index.url}topics/hackathons/rss/"' in head


@pytest.mark.django_db
def test_news_render_in_each_language(client, site):
    index = translations(news_index(site["lv"]), site)
    item = translations(news_item(index["lv"]), site, summary="S")
    for language in LANGUAGES:
        for page in (index[language], item[language]):
            html = get_html(client, page.url)
            assert f'<html lang="{language}">' in html
            assert html.count("<h1") == 1


def test_news_is_digest_material():
    assert NewsPage in digest_models()


@pytest.mark.django_db
def test_news_query_counts_do_not_grow(client, index, news, private_cache):
    urls = [
        (index.url, None),
        (index.url, {"topic": "hackathons"}),
        (news[0].url, None),
        (f"{index.url}feed/rss/", None),
        (f"{index.url}topics/hackathons/atom/", None),
    ]
    get(client, index.url)
    before = [count_queries(client, url, data) for url, data in urls]
    for day in range(1, 8):
        more = news_item(index, title=f"More {day}", date=date(2025, 4, day))
        tag(more, "hackathons")
        tag(more, f"topic-{day}")
    get(client, index.url)
    assert [count_queries(client, url, data) for url, data in urls] == before
    assert max(before) <= 18, before
