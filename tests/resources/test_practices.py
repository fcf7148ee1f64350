"""Good practices: structured fields, filters in the database, accessible form."""

from wagtail.test.utils import WagtailPageTestCase

import pytest

from community.digests import digest_models
from home.models import HomePage
from resources.models import PracticeIndexPage, PracticePage
from tests.factories.pages import LANGUAGES, build_site
from tests.factories.resources import (
    practice,
    practice_index,
    tag,
    translations,
)
from tests.resources.helpers import count_queries, get, get_html


class PageTreeRulesTests(WagtailPageTestCase):
    def setUp(self):
        self.homes = build_site()

    def test_index_under_home_practices_under_the_index(self):
        self.assertAllowedParentPageTypes(PracticeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PracticeIndexPage, {PracticePage})
        self.assertAllowedSubpageTypes(PracticePage, set())
        index = practice_index(self.homes["lv"])
        self.assertFalse(PracticeIndexPage.can_create_at(self.homes["lv"]))
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(practice(index))


@pytest.fixture
def index(site):
    return practice_index(site["en"], title="Good practices")


@pytest.fixture
def practices(index):
    clubs = practice(
        index, title="Conversation clubs", country="LV", target_group="adults"
    )
    tag(clubs, "language-culture")
    evenings = practice(
        index, title="Family evenings", country="LV", target_group="families"
    )
    tag(evenings, "community-engagement")
    tag(evenings, "language-culture")
    reading = practice(index, title="Story hour", country="IT", target_group="families")
    return {"clubs": clubs, "evenings": evenings, "reading": reading}


def titles(client, index, query):
    response = get(client, index.url, query)
    return sorted(page.title for page in response.context["practices"])


@pytest.mark.django_db
def test_filters_by_country_target_group_and_topic(client, index, practices):
    assert titles(client, index, {}) == [
        "Conversation clubs",
        "Family evenings",
        "Story hour",
    ]
    assert titles(client, index, {"country": "IT"}) == ["Story hour"]
    assert titles(client, index, {"group": "families"}) == [
        "Family evenings",
        "Story hour",
    ]
    assert titles(client, index, {"topic": "language-culture"}) == [
        "Conversation clubs",
        "Family evenings",
    ]
    both = {"country": "LV", "group": "families", "topic": "language-culture"}
    assert titles(client, index, both) == ["Family evenings"]
    assert titles(client, index, {"topic": "no-such-topic"}) == []
    # A value that is no choice is no filter, and the form says which is chosen.
    assert len(titles(client, index, {"country": "Narnia"})) == 3
    html = get_html(client, index.url, both)
    assert '<option value="LV" selected>Latvia</option>' in html
    assert '<option value="families" selected>Children and families</option>' in html
    assert "1 practice found." in html


@pytest.mark.django_db
def test_filter_form_is_a_labelled_get_form(client, index, practices):
    html = get_html(client, index.url)
    assert 'method="get"' in html
    for field in ("country-filter", "group-filter", "topic-filter"):
        assert f'<label for="{field}">' in html
        assert f'id="{field}"' in html
    assert '<button type="submit" class="button">Show</button>' in html


@pytest.mark.django_db
def test_index_paginates_keeping_the_filters(client, index, monkeypatch):
    monkeypatch.setattr("resources.listing.ITEMS_PER_PAGE", 2)
    for number in range(3):
        practice(index, title=f"Practice {number}", target_group="youth")
    practice(index, title="Other", target_group="adults")
    first = get(client, index.url, {"group": "youth"})
    assert len(first.context["practices"]) == 2
    assert 'href="?group=youth&amp;page=2"' in first.content.decode()
    assert titles(client, index, {"group": "youth", "page": "2"}) == ["Practice 0"]
    for query in [{"page": "x"}, {"country": "\x00"}, {"group": "y" * 3000}]:
        assert client.get(index.url, query).status_code == 200


@pytest.mark.django_db
def test_practice_shows_its_structured_fields(client, index):
    page = practice(
        index,
        title="Hackathon ideas",
        library="Ogre Central Library",
        country="LV",
        target_group="job-seekers",
        problem="<p>No place to practise.</p>",
        action="<p>Weekly club.</p>",
        resources_needed="<p>A room and a facilitator.</p>",
        results=[("result", {"figure": "124", "label": "participants"})],
        contact="libri@example.org",
    )
    html = get_html(client, page.url)
    for text in (
        "Ogre Central Library",
        "Latvia",
        "Job seekers",
        "No place to practise.",
        "Weekly club.",
        "A room and a facilitator.",
        '<span class="result__figure">124</span>',
        'href="mailto:libri@example.org"',
    ):
        assert text in html
    headings = ["The problem", "What was done", "Resources needed", "Results"]
    positions = [html.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_practices_render_in_each_language(client, site):
    index = translations(practice_index(site["lv"]), site)
    page = translations(
        practice(index["lv"]),
        site,
        library="L",
        country="LV",
        target_group="adults",
        problem="<p>P</p>",
        action="<p>A</p>",
    )
    for language in LANGUAGES:
        for item in (index[language], page[language]):
            html = get_html(client, item.url)
            assert f'<html lang="{language}">' in html
            assert html.count("<h1") == 1


def test_practices_are_digest_material():
    assert PracticePage in digest_models()


@pytest.mark.django_db
def test_practice_query_counts_do_not_grow(client, index, practices, private_cache):
    urls = [index.url, practices["clubs"].url]
    query = {"country": "LV", "group": "adults", "topic": "language-culture"}
    get(client, index.url)
    before = [count_queries(client, url) for url in urls]
    filtered = count_queries(client, index.url, query)
    for number in range(6):
        more = practice(index, title=f"More {number}")
        tag(more, f"topic-{number}")
        tag(more, "language-culture")
    get(client, index.url)
    assert [count_queries(client, url) for url in urls] == before
    assert count_queries(client, index.url, query) == filtered
    assert before[0] <= 17 and before[1] <= 15 and filtered <= 18, (before, filtered)
