"""Folding and light stemming: every form of a word meets its query."""

import pytest

from search.text import fold, normalise, query_terms, stem, tsquery


@pytest.mark.parametrize(
    ("forms", "language"),
    [
        (["hakatons", "hakatonā", "hakatonu", "hakatoniem", "hakatona"], "lv"),
        (["partnerība", "partnerības", "partnerību", "partneriba"], "lv"),
        (["bibliotēka", "bibliotēkas", "bibliotēkām", "bibliotēku"], "lv"),
        (["вебінар", "вебінару", "вебінарі", "вебінарів", "вебінарами"], "uk"),
        (["громада", "громади", "громаду", "громадою"], "uk"),
        (["інтеграція", "інтеграції", "інтеграцію"], "uk"),
    ],
)
def test_forms_of_a_word_share_one_stem(forms, language):
    assert len({stem(form, language) for form in forms}) == 1


def test_latin_letters_lose_diacritics_but_cyrillic_keeps_its_letters():
    assert fold("Partnerība ŠĶĒRSLIS") == "partneriba skerslis"
    assert fold("Їжак й ґанок") == "їжак й ґанок"
    assert fold("Ёлка") == "елка"


def test_short_words_are_not_stripped_to_nothing():
    assert stem("un", "lv") == "un"
    assert stem("ir", "lv") == "ir"


def test_query_terms_are_plain_words_so_no_operator_reaches_postgres():
    terms = query_terms("a & b | !c:* (x) <-> 'y' \"z\" \\", "en")
    assert terms == ["a", "b", "c", "x", "y", "z"]
    assert tsquery(terms) == "'a':* & 'b':* & 'c':* & 'x':* & 'y':* & 'z':*"


def test_normalise_keeps_word_order():
    assert normalise("Hakatonā piedalījās bibliotēkas", "lv") == (
        "hakaton piedalij bibliotek"
    )
