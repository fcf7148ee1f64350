"""The search page: language, inflection, ranking, facets, snippets, promotions."""

import json

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.models import ContentPage, Topic
from search.indexing import index_page, rebuild
from search.models import SearchEntry
from search.query import Search
from search.views import MAX_QUERY_LENGTH, clean_query
from tests.factories.courses import catalogue, course, lesson
from tests.factories.pages import content_page
from tests.factories.resources import past_webinar, webinar_index


def indexed_page(parent, title, summary):
    """A live content page indexed directly: quicker than publishing a revision."""
    page = parent.add_child(
        instance=ContentPage(
            title=title, summary=summary, locale=parent.locale, live=True
        )
    )
    index_page(page)
    return page


def search(client, query, language="lv", **filters):
    response = client.get(f"/{language}/search/", {"query": query, **filters})
    assert response.status_code == 200
    return response


def titles(response):
    return [result["page"].title for result in response.context["results"]]


@pytest.mark.django_db
def test_search_finds_pages_of_the_active_language_only(client, site):
    content_page(site["lv"], title="Hakatonu rokasgrāmata")
    content_page(site["en"], title="Hackathon handbook")
    assert titles(search(client, "rokasgrāmata")) == ["Hakatonu rokasgrāmata"]
    assert titles(search(client, "rokasgrāmata", "en")) == []


@pytest.mark.django_db
def test_search_without_query_shows_only_the_form(client, site):
    response = client.get("/lv/search/")
    assert 'role="search"' in response.content.decode()
    assert response.context["search_results"].paginator.count == 0


@pytest.mark.django_db
def test_bad_page_numbers_fall_back_to_a_real_page(client, site):
    for page_number in ["0", "-1", "abc", "99999", "1e9", ""]:
        response = search(client, "Sākums", page=page_number)
        assert titles(response) == ["Sākums"]


@pytest.mark.django_db
def test_latvian_forms_find_each_other(client, site):
    indexed_page(site["lv"], "Pieredze", "Ko mēs iemācījāmies hakatonā.")
    indexed_page(site["lv"], "Cits", "Pieteikties hakatonam var šeit.")
    for query in ["hakatons", "hakatonā", "hakatonu", "HAKATONI", "hakatonos"]:
        assert sorted(titles(search(client, query))) == ["Cits", "Pieredze"], query


@pytest.mark.django_db
def test_latvian_without_diacritics_finds_the_word_with_them(client, site):
    content_page(site["lv"], title="Par partnerību", summary="Vietējā partnerība.")
    assert titles(search(client, "partneriba")) == ["Par partnerību"]
    assert titles(search(client, "partnerības")) == ["Par partnerību"]


@pytest.mark.django_db
def test_ukrainian_forms_find_each_other(client, site):
    content_page(site["uk"], title="Новини", summary="Запис вебінару про громаду.")
    for query in ("вебінар", "вебінари", "вебінарах", "громадою"):
        assert titles(search(client, query, "uk")) == ["Новини"], query


@pytest.mark.django_db
def test_english_and_russian_use_postgres_stemmers(client, site):
    content_page(site["en"], title="Notes", summary="Libraries running partnerships.")
    content_page(site["ru"], title="Заметки", summary="Библиотеки и партнёрства.")
    assert titles(search(client, "partnership library", "en")) == ["Notes"]
    assert titles(search(client, "библиотека партнерство", "ru")) == ["Заметки"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "spoken", "query"),
    [
        ("uk", "Ми обговорили, як бібліотеки допомагають переселенцям.", "переселенці"),
        ("lv", "Runājām par sarunvalodas klubiem bibliotēkās.", "sarunvalodas klubs"),
    ],
)
def test_a_webinar_is_found_by_words_spoken_in_its_transcript(
    client, site, language, spoken, query
):
    index = webinar_index(site[language], title="Webinars")
    past_webinar(index, title="Recording", transcript=f"<p>{spoken}</p>")
    response = search(client, query, language)
    assert titles(response) == ["Recording"]
    assert "<mark>" in str(response.context["results"][0]["snippet"])


@pytest.mark.django_db
def test_a_title_match_ranks_above_body_matches(client, site):
    many = " ".join(["integrācija"] * 30)
    indexed_page(site["lv"], "Aaa ziņas", many)
    indexed_page(site["lv"], "Integrācijas ceļvedis", "Par ko tas ir.")
    indexed_page(site["lv"], "Bbb ziņas", f"{many} {many}")
    assert titles(search(client, "integrācija"))[0] == "Integrācijas ceļvedis"


@pytest.mark.django_db
def test_a_page_naming_the_words_more_often_ranks_first(client, site):
    indexed_page(site["lv"], "Aaa ziņas", "valoda un kopiena")
    indexed_page(site["lv"], "Bbb ziņas", " ".join(["valodas kopienas"] * 10))
    assert titles(search(client, "valoda kopiena")) == ["Bbb ziņas", "Aaa ziņas"]


@pytest.mark.django_db
def test_a_page_of_results_ranked_with_the_counts_is_the_ranking_alone(
    client, site, settings
):
    """The page asked for is ranked in the query counting the facets (the index
    matched once); it is the same slice as the ranking alone, the last page too."""
    settings.SEARCH_CACHE_SECONDS = 0
    for number in range(13):
        indexed_page(site["lv"], f"Ziņas {number % 5}", "kopiena " * (number % 4 + 1))
    alone = Search(query="kopiena", language="lv").run().results()
    shown = []
    for page in ("1", "2"):
        with CaptureQueriesContext(connection) as queries:
            response = search(client, "kopiena", page=page)
        matching = [query for query in queries if "@@" in query["sql"]]
        assert len(matching) == 1
        shown += [result["page"] for result in response.context["results"]]
    assert shown == [entry.page for entry in alone[0:13]]


@pytest.mark.django_db
def test_topic_facets_follow_a_pages_topics_when_it_is_republished(client, site):
    before = Topic.objects.create(name="Vecā tēma", slug="veca-tema")
    after = Topic.objects.create(name="Jaunā tēma", slug="jauna-tema")
    page = content_page(site["lv"], title="Tēmu maiņa")
    page.topics.add(before)
    page.save_revision().publish()
    facets = search(client, "maiņa").context["search"].topics
    assert [(facet.key, facet.count) for facet in facets] == [("veca-tema", 1)]
    page.topics.set([after])
    page.save_revision().publish()
    facets = search(client, "maiņa").context["search"].topics
    assert [(facet.key, facet.count) for facet in facets] == [("jauna-tema", 1)]


@pytest.mark.django_db
def test_snippet_marks_the_matched_words_and_escapes_the_text(client, site):
    content_page(
        site["lv"], title="Drošība", summary="<i>Hakatonā</i> & draugi: 3 < 5."
    )
    html = search(client, "hakatons").content.decode()
    assert "<mark>Hakatonā</mark> &amp; draugi: 3 &lt; 5." in html


@pytest.mark.django_db
def test_facets_count_types_topics_and_languages(client, site):
    topic = Topic.objects.create(name="Valoda", slug="valoda", name_en="Language")
    tagged = content_page(site["lv"], title="Valodas klubs", summary="klubs")
    tagged.topics.add(topic)
    tagged.save_revision().publish()
    indexed_page(site["lv"], "Klubu saraksts", "klubi")
    past_webinar(webinar_index(site["lv"]), title="Klubu vebinārs", summary="klubs")
    indexed_page(site["en"], "Club", "klubs")
    response = search(client, "klubs")
    context = response.context
    assert context["search"].total == 3
    types = {facet.key: facet.count for facet in context["search"].types}
    assert types == {"home.contentpage": 2, "resources.webinarpage": 1}
    labels = {str(facet.label) for facet in context["search"].types}
    assert labels == {"satura lapa", "vebinārs"}
    assert [(f.key, f.count) for f in context["search"].topics] == [("valoda", 1)]
    languages = {facet.key: facet.count for facet in context["search"].languages}
    assert languages == {"lv": 3, "en": 1, "uk": 0, "ru": 0}

    by_type = search(client, "klubs", type="resources.webinarpage")
    assert titles(by_type) == ["Klubu vebinārs"]
    assert titles(search(client, "klubs", topic="valoda")) == ["Valodas klubs"]
    assert titles(search(client, "klubs", lang="en")) == ["Club"]
    assert titles(search(client, "klubs", type="nosuch.model")) == []
    assert titles(search(client, "klubs", topic="no such topic")) == []


def facet_counts(response):
    search = response.context["search"]
    return (
        search.total,
        {facet.key: facet.count for facet in search.languages},
        {facet.key: facet.count for facet in search.types},
        [(facet.key, facet.count) for facet in search.topics],
    )


@pytest.mark.django_db
def test_each_facet_counts_under_the_other_filters(client, site):
    topic = Topic.objects.create(name="Valoda", slug="valoda")
    for parent, title in [(site["lv"], "Valodas klubs"), (site["en"], "Club")]:
        tagged = content_page(parent, title=title, summary="klubs")
        tagged.topics.add(topic)
        tagged.save_revision().publish()
    indexed_page(site["lv"], "Klubu saraksts", "klubi")
    past_webinar(webinar_index(site["lv"]), title="Klubu vebinārs", summary="klubs")
    nowhere = {"lv": 0, "en": 0, "uk": 0, "ru": 0}

    by_topic = facet_counts(search(client, "klubs", topic="valoda"))
    assert by_topic == (
        1,
        {**nowhere, "lv": 1, "en": 1},
        {"home.contentpage": 1},
        [("valoda", 1)],
    )
    by_type = facet_counts(search(client, "klubs", type="resources.webinarpage"))
    assert by_type == (
        1,
        {**nowhere, "lv": 1},
        {"home.contentpage": 2, "resources.webinarpage": 1},
        [],
    )
    for missing in ["nav-tadas", "no such topic"]:
        total, languages, types, topics = facet_counts(
            search(client, "klubs", topic=missing)
        )
        assert (total, languages, types) == (0, nowhere, {})
        assert topics == [("valoda", 1)]


@pytest.mark.django_db
def test_results_are_paginated_with_the_filters_kept(client, site):
    for number in range(12):
        indexed_page(site["lv"], f"Kopiena {number:02}", "kopiena")
    first = search(client, "kopiena")
    assert len(first.context["results"]) == 10
    assert "?query=kopiena&amp;page=2" in first.content.decode()
    second = search(client, "kopiena", page="2")
    assert len(second.context["results"]) == 2


@pytest.mark.django_db
def test_facet_links_keep_the_query_and_filters_and_go_back_to_page_one(client, site):
    for number in range(12):
        indexed_page(site["lv"], f"Kopiena {number:02}", "kopiena")
    response = search(client, "kopiena", page="2", type="home.contentpage")
    html = response.content.decode()
    assert 'href="?query=kopiena&amp;type=home.contentpage&amp;lang=en"' in html
    assert 'href="?query=kopiena&amp;type=home.contentpage"' in html
    assert response.context["clear_links"] == {
        "type": "?query=kopiena",
        "topic": "?query=kopiena&type=home.contentpage",
    }


@pytest.mark.django_db
def test_nothing_found_suggests_topics(client, site):
    topic = Topic.objects.create(name="Ģimene", slug="gimene")
    page = content_page(site["lv"], title="Ģimenes", summary="x")
    page.topics.add(topic)
    page.save_revision().publish()
    response = search(client, "neeksistējošsvārds")
    html = response.content.decode()
    assert response.context["search"].total == 0
    assert "?query=%C4%A2imene" in html


@pytest.mark.django_db
def test_unpublished_and_deleted_pages_leave_the_index(client, site):
    page = content_page(site["lv"], title="Pagaidu lapa")
    assert titles(search(client, "pagaidu")) == ["Pagaidu lapa"]
    page.unpublish()
    assert titles(search(client, "pagaidu")) == []
    page.save_revision().publish()
    page.delete()
    assert not SearchEntry.objects.filter(title="Pagaidu lapa").exists()


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_results(
    client, site, django_assert_max_num_queries
):
    for number in range(12):
        indexed_page(site["lv"], f"Stratēģija {number}", "stratēģija")
    search(client, "stratēģija")
    with django_assert_max_num_queries(12):
        search(client, "stratēģija", page="2")


@pytest.mark.django_db
def test_a_page_of_results_reads_its_results_in_one_query(client, site, settings):
    """The results are read with only the fields a result shows, all at once: a
    field left out would be loaded by a query per result, and a page of ten
    results would cost more queries than a page of one."""
    settings.SEARCH_CACHE_SECONDS = 0
    for number in range(11):
        content_page(site["lv"], title=f"Ceļvedis {number}", summary="ceļvedis")
    search(client, "ceļvedis")  # the first view, which also counts the query
    with CaptureQueriesContext(connection) as ten:
        full = search(client, "ceļvedis", page="1")
    with CaptureQueriesContext(connection) as one:
        last = search(client, "ceļvedis", page="2")
    assert [len(full.context["results"]), len(last.context["results"])] == [10, 1]
    assert len(ten) == len(one)
    result = last.context["results"][0]
    assert result["url"] == result["page"].specific.url
    assert result["published_iso"]


@pytest.mark.django_db
def test_promoted_results_come_first_and_queries_are_counted(
    client, site, django_capture_on_commit_callbacks
):
    promoted = content_page(site["lv"], title="Ieteicamais ceļvedis")
    query = Query.get("hakatons")
    SearchPromotion.objects.create(query=query, page=promoted, description="Sāc šeit")
    with django_capture_on_commit_callbacks(execute=True):
        response = search(client, "Hakatons")
    assert [p.page_id for p in response.context["promotions"]] == [promoted.pk]
    assert "Sāc šeit" in response.content.decode()
    assert Query.get("hakatons").hits == 1


@pytest.mark.django_db
def test_each_first_view_of_a_search_counts_one_hit_for_the_day(client, site):
    for query in ["Hakatons", "hakatons", "Kopiena"]:
        search(client, query)
    search(client, "hakatons", page="2")  # paging on is no new search
    search(client, "hakatons", type="home.contentpage")
    hits = Query.get("hakatons").daily_hits.get()
    assert (hits.date, hits.hits) == (timezone.now().date(), 2)
    assert Query.get("kopiena").hits == 1


@pytest.mark.django_db
def test_a_promotion_shows_from_the_next_search_until_it_is_deleted(client, site):
    promoted = content_page(site["lv"], title="Ieteicamais ceļvedis")
    assert list(search(client, "hakatons").context["promotions"]) == []
    promotion = SearchPromotion.objects.create(
        query=Query.get("hakatons"), page=promoted, description="Sāc šeit"
    )
    shown = search(client, "hakatons").context["promotions"]
    assert [p.page_id for p in shown] == [promoted.pk]
    promotion.delete()
    assert list(search(client, "hakatons").context["promotions"]) == []


@pytest.mark.django_db
def test_a_search_shows_only_its_query_s_promotions_in_its_language(client, site):
    latvian = content_page(site["lv"], title="Ieteicamais ceļvedis")
    english = content_page(site["en"], title="Recommended guide")
    hackathon = Query.get("hakatons")
    SearchPromotion.objects.create(query=hackathon, page=latvian, sort_order=1)
    SearchPromotion.objects.create(query=hackathon, page=english, sort_order=2)
    SearchPromotion.objects.create(
        query=hackathon,
        external_link_url="https://example.org/hakatoni",
        external_link_text="Hakatonu kalendārs",
        sort_order=3,
    )
    SearchPromotion.objects.create(query=Query.get("kopiena"), page=latvian)
    latvian.unpublish()
    shown = search(client, "hakatons").context["promotions"]
    assert [(p.page_id, p.external_link_url) for p in shown] == [
        (None, "https://example.org/hakatoni")
    ]
    latvian.save_revision().publish()
    shown = search(client, "hakatons").context["promotions"]
    assert [p.page_id for p in shown] == [latvian.pk, None]


@pytest.mark.django_db
def test_autocomplete_suggests_titles_in_the_visitors_language(client, site):
    content_page(site["lv"], title="Hakatonu rokasgrāmata")
    content_page(site["lv"], title="Cits teksts", summary="hakatons")
    content_page(site["en"], title="Hackathon guide")
    response = client.get("/lv/search/autocomplete/", {"query": "hakat"})
    data = json.loads(response.content)
    assert [result["title"] for result in data["results"]] == ["Hakatonu rokasgrāmata"]
    assert data["results"][0]["url"].startswith("/lv/")


@pytest.mark.django_db
def test_autocomplete_lists_titles_starting_with_the_word_first_shortest_first(
    client, site, settings
):
    """In two queries: the titles starting with the word, then the others (each
    read with its link's path, not a query per title)."""
    settings.SEARCH_CACHE_SECONDS = 0
    for title in ["Aaa hakatoni", "Hakatonu rokasgrāmata", "Hakatons"]:
        indexed_page(site["lv"], title, "")
    client.get("/lv/search/autocomplete/", {"query": "rokas"})  # the site, read once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/lv/search/autocomplete/", {"query": "hakat"})
    titles = [result["title"] for result in json.loads(response.content)["results"]]
    assert titles == ["Hakatons", "Hakatonu rokasgrāmata", "Aaa hakatoni"]
    assert len([query for query in queries if "@@" in query["sql"]]) == len(queries)


def test_clean_query_drops_control_characters_and_caps_length():
    assert clean_query("hakatons\x00\x1f  \x7fpartnerība") == "hakatons partnerība"
    assert len(clean_query("ā" * 5000)) == MAX_QUERY_LENGTH


QUERY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400
) | st.sampled_from(
    [
        '"partnerība"',
        "hakatons OR 1=1",
        "a & b | !c",
        "-(x)",
        "a <-> b",
        "x:* & y:A",
        "'; DROP TABLE x;--",
        "Бібліотека ґанок їжак",
        "библиотека ёж",
        "ąčęėįšųūž āēīūčšžģķļņ",
        "\x00",
        "*",
        ":*",
        "\\",
        "&&",
        "the and of",
        "a" * 5000,
        "ā" * 3000,
    ]
)


@pytest.mark.django_db
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=QUERY_TEXT,
    language=st.sampled_from(["lv", "en", "uk", "ru"]),
    endpoint=st.sampled_from(["search/", "search/autocomplete/"]),
)
def test_any_query_gets_an_answer_never_a_server_error(
    client, site, query, language, endpoint
):
    params = {"query": query, "type": query, "topic": query, "lang": query[:2]}
    response = client.get(f"/{language}/{endpoint}", params)
    assert response.status_code == 200


@pytest.mark.django_db
def test_private_sections_leave_the_search_and_come_back(
    client, site, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    section = content_page(site["lv"], title="Slēgta sadaļa")
    content_page(section, title="Slēgta lapa")
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(search(client, "slēgta")) == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert sorted(titles(search(client, "slēgta"))) == ["Slēgta lapa", "Slēgta sadaļa"]


@pytest.mark.django_db
def test_popular_queries_show_in_the_admin_report(
    admin_client, site, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            search(admin_client, "hakatons")
        search(admin_client, "bibliotēka")
    response = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("hakatons") < html.index("bibliotēka")


def test_searches_beyond_the_rate_limit_get_429_and_a_reason(client, site, settings):
    settings.SEARCH_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert client.get("/lv/search/", {"query": "Sākums"}).status_code == 200
    response = client.get("/lv/search/", {"query": "Sākums"})
    assert response.status_code == 429
    assert 'role="alert"' in response.content.decode()
    assert client.get("/lv/search/").status_code == 200
    other_client = client.get(
        "/lv/search/", {"query": "Sākums"}, REMOTE_ADDR="192.0.2.7"
    )
    assert other_client.status_code == 200


@pytest.mark.django_db
def test_labels_of_block_choices_stay_out_of_the_index(client, site):
    """A heading's level and a question's kind are settings, not words to find;
    the questions stay findable."""
    body = [
        ("heading", {"text": "Pirmā tikšanās", "level": "h2"}),
        ("paragraph", "<p>Bibliotēka uzaicina pašvaldību.</p>"),
    ]
    page = content_page(site["lv"], title="Partnerība", body=body)
    module = course(catalogue(site["lv"]))
    quiz = lesson(module, title="Diagnostika")
    entries = SearchEntry.objects.filter(page_id__in=[page.pk, quiz.pk])
    bodies = " ".join(entries.values_list("body", flat=True))
    assert "Pirmā tikšanās" in bodies
    assert "Ar ko sākas diagnostika?" in bodies
    labels = ["(h2)", "Sadaļa", "Section", "Viena izvēle", "Single choice"]
    labels += ["Patiess vai nepatiess", "True or false"]
    for label in labels:
        assert label not in bodies
    assert titles(search(client, "sadaļa")) == []


@pytest.mark.django_db
def test_a_repeated_search_is_answered_from_the_cache_until_content_changes(
    client, site
):
    for number in range(3):
        indexed_page(site["lv"], f"Kopiena {number}", "kopiena")
    with CaptureQueriesContext(connection) as first:
        search(client, "kopiena", page="1")
    with CaptureQueriesContext(connection) as again:
        response = search(client, "kopiena", page="1")
    assert len(again) <= len(first) - 3  # no counting, no ranking
    assert not [query for query in again if "@@" in query["sql"]]
    assert response.context["search"].total == 3
    content_page(site["lv"], title="Kopiena jaunajā lapā")  # a publication
    response = search(client, "kopiena", page="1")
    assert response.context["search"].total == 4
    assert "Kopiena jaunajā lapā" in titles(response)


def vacuum_count():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT vacuum_count FROM pg_stat_user_tables "
            "WHERE relname = 'search_searchentry'"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rebuild_search_indexes_the_live_pages_then_vacuums(client, site):
    content_page(site["lv"], title="Pārbūvēta lapa")
    SearchEntry.objects.all().delete()
    vacuums = vacuum_count()
    call_command("rebuild_search", verbosity=0)
    assert vacuum_count() == vacuums + 1
    assert titles(search(client, "pārbūvēta")) == ["Pārbūvēta lapa"]


def entries():
    """Every entry's stored fields, vectors and topics, by page id."""
    return {
        entry["page_id"]: entry
        for entry in SearchEntry.objects.values(
            "page_id",
            "locale_id",
            "content_type_id",
            "title",
            "body",
            "title_keywords",
            "keywords",
            "vector",
            "title_vector",
            "topic_ids",
        )
    }


@pytest.mark.django_db
def test_a_rebuild_writes_the_entries_publishing_wrote(client, site):
    topics = [Topic.objects.create(name=f"Tēma {n}", slug=f"tema-{n}") for n in (1, 2)]
    tagged = content_page(site["lv"], title="Kopienas hakatons", summary="Par kopienu")
    tagged.topics.set(topics)
    tagged.save_revision().publish()
    lesson(course(catalogue(site["en"])), title="Community lesson")
    draft = content_page(site["lv"], title="Melnraksts")
    draft.unpublish()
    private = content_page(site["lv"], title="Slēgta sadaļa")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    published = entries()
    assert len(published[tagged.pk]["topic_ids"]) == 2
    assert draft.pk not in published and private.pk not in published

    rebuild()
    assert entries() == published
