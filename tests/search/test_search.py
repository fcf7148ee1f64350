"""The search page: results in the visitor's language, and any input is safe."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.views import MAX_QUERY_LENGTH, clean_query
from tests.factories.pages import content_page


@pytest.mark.django_db
def test_search_finds_pages_of_the_active_language_only(client, site):
    content_page(site["lv"], title="Hakatonu rokasgrāmata")
    content_page(site["en"], title="Hackathon handbook")
    latvian = client.get("/lv/search/", {"query": "rokasgrāmata"}).content.decode()
    english = client.get("/en/search/", {"query": "rokasgrāmata"}).content.decode()
    assert "Hakatonu rokasgrāmata" in latvian
    assert "Hakatonu rokasgrāmata" not in english


@pytest.mark.django_db
def test_search_without_query_shows_only_the_form(client, site):
    response = client.get("/lv/search/")
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()
    assert response.context["search_results"].paginator.count == 0


@pytest.mark.django_db
@pytest.mark.parametrize("page_number", ["0", "-1", "abc", "99999", "1e9", ""])
def test_bad_page_numbers_fall_back_to_a_real_page(client, site, page_number):
    response = client.get("/lv/search/", {"query": "Sākums", "page": page_number})
    assert response.status_code == 200


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
        "'; DROP TABLE x;--",
        "Бібліотека",
        "библиотека",
        "ąčęėįšųūž",
        "\x00",
        "*",
        ":*",
        "\\",
        "&&",
    ]
)


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=QUERY_TEXT, language=st.sampled_from(["lv", "en", "uk", "ru"]))
def test_any_query_gets_a_page_never_a_server_error(client, site, query, language):
    response = client.get(f"/{language}/search/", {"query": query})
    assert response.status_code == 200


@pytest.mark.django_db
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
