"""The UI speaks all four languages: every string translated, the catalogues in use."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "config" / "locale"
TRANSLATED = ("lv", "uk", "ru")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_ui_string_is_translated(language):
    po = catalogue(language)
    missing = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert (missing, fuzzy) == ([], [])


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_holds_every_translation(language):
    """Babel stops compiling at a syntax error it does not report (e.g. a stray
    ``#| msgid_plural`` hint): the .mo then silently lacks the rest."""
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    compiled = {entry.msgid for entry in mo}
    assert [e.msgid for e in po.translated_entries() if e.msgid not in compiled] == []


def test_catalogues_hold_the_same_strings():
    english = {entry.msgid for entry in catalogue("en")}
    for language in TRANSLATED:
        assert {entry.msgid for entry in catalogue(language)} == english


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "skip_link"),
    [
        ("lv", "Pāriet uz galveno saturu"),
        ("en", "Skip to main content"),
        ("uk", catalogue("uk").find("Skip to main content").msgstr),
        ("ru", catalogue("ru").find("Skip to main content").msgstr),
    ],
)
def test_pages_use_the_compiled_catalogues(client, site, language, skip_link):
    html = client.get(f"/{language}/").content.decode()
    assert skip_link in html
