"""The desk phrasebook: situations, the visitor's language, search without JS."""

from django.core.exceptions import ValidationError

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources.models import Phrase
from tests.factories.resources import phrase, phrasebook, tool_index, translations
from tests.resources.helpers import count_queries, get, get_html


@pytest.fixture
def book(site):
    index = tool_index(site["en"], title="Tools")
    return phrasebook(
        index,
        title="Desk phrasebook",
        phrases=[
            phrase(
                "borrowing",
                text_en="Borrowing books is free of charge.",
                text_lv="Grāmatu izsniegšana ir bez maksas.",
                text_uk="Книжки видаються безкоштовно.",
                text_ru="Книги выдаются бесплатно.",
            ),
            phrase(
                "registration",
                text_en="Welcome! How can I help you?",
                text_lv="Laipni lūdzam! Kā varu jums palīdzēt?",
                text_uk="Ласкаво просимо! Чим я можу вам допомогти?",
                text_ru="Добро пожаловать! Чем я могу вам помочь?",
                extra_language="ar",
                extra_text="أهلاً وسهلاً",
            ),
            phrase("digital", text_en="Here is the Wi-Fi password."),
        ],
    )


@pytest.mark.django_db
def test_phrases_are_grouped_by_situation_in_desk_order(client, book):
    response = get(client, book.url)
    situations = [value for value, _, _ in response.context["situations"]]
    assert situations == ["registration", "borrowing", "digital"]
    html = response.content.decode()
    assert html.index("Registration") < html.index("Borrowing and returning")
    assert "3 phrases" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_visitor_language_beside_the_desk_language(client, book):
    html = get_html(client, book.url)  # an English desk: Ukrainian by default
    assert '<p class="phrase-card__visitor" lang="uk">' in html
    assert "Ласкаво просимо! Чим я можу вам допомогти?" in html
    assert '<p class="phrase-card__desk" lang="en">' in html
    assert '<p class="phrase-card__extra" lang="ar">' in html
    html = get_html(client, book.url, {"visitor": "ru"})
    assert '<p class="phrase-card__visitor" lang="ru">' in html
    assert "Добро пожаловать!" in html and "Ласкаво просимо" not in html
    assert '<option value="ru" lang="ru" selected>' in html
    # The desk's own language, or one there is no column for, falls back.
    for visitor in ("en", "de", "<script>"):
        response = get(client, book.url, {"visitor": visitor})
        assert response.context["visitor"] == "uk"


@pytest.mark.django_db
def test_latvian_desk_shows_latvian_beside_the_visitor(client, site, book):
    latvian = translations(book.get_parent().specific, site)["lv"]
    lv_book = phrasebook(latvian, phrases=[phrase("events", text_lv="Laipni aicināts")])
    html = get_html(client, lv_book.url)
    assert '<p class="phrase-card__desk" lang="lv">' in html
    assert "Laipni aicināts (lv)" not in html and "Laipni aicināts" in html


SEARCHES = [
    ("wi-fi", ["Here is the Wi-Fi password."]),
    ("  FREE   of ", ["Borrowing books is free of charge."]),
    ("безкоштовно", ["Borrowing books is free of charge."]),
    ("ПОМОЧЬ", ["Welcome! How can I help you?"]),
    ("أهلاً", ["Welcome! How can I help you?"]),
]


@pytest.mark.django_db
def test_search_matches_any_language_on_the_server(client, book):
    for query, expected in SEARCHES:
        response = get(client, book.url, {"q": query, "visitor": "uk"})
        found = [
            phrase.text_en
            for _, _, phrases in response.context["situations"]
            for phrase, _, _ in phrases
        ]
        assert found == expected, query
        assert "Show all phrases" in response.content.decode()


@pytest.mark.django_db
def test_search_without_a_match_says_so(client, book):
    html = get_html(client, book.url, {"q": "zzzz"})
    assert "No phrase matches. Try another word, in any of the languages." in html
    assert "phrase-card__visitor" not in html


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    q=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])),
    visitor=st.text(max_size=20),
)
def test_any_search_gets_a_page(client, book, q, visitor):
    assert client.get(book.url, {"q": q, "visitor": visitor}).status_code == 200


def test_an_extra_language_needs_its_phrase_and_the_reverse():
    for fields in ({"extra_language": "ar"}, {"extra_text": "أهلاً"}):
        with pytest.raises(ValidationError):
            phrase(**fields).clean()
    phrase(extra_language="ar", extra_text="أهلاً").clean()
    assert Phrase(text_uk="Привіт").text("uk") == "Привіт"


@pytest.mark.django_db
def test_phrasebook_query_count_does_not_grow(client, book, private_cache):
    get(client, book.url)
    before = count_queries(client, book.url)
    for number in range(20):
        extra = phrase("events", text_en=f"Phrase {number}")
        extra.page = book
        extra.save()
    after = count_queries(client, book.url)
    assert after == before <= 16
