"""Sign in, sign up and sign out read the same everywhere, allauth's pages included."""

import re

import pytest

from tests.factories.learning import learner
from tests.test_translations import catalogue

# (the stem each translation of the action uses, the wording it no longer uses)
WORDING = {
    "lv": {
        "sign in": (r"pieslēg|pieslēdz", r"\bie(iet|ej|ie|nā)|pierakst"),
        "sign out": (r"atslēg|atslēdz", r"\biz(iet|ej|gāj)"),
        "sign up": (r"reģistr", r"pierakst"),
    },
    "uk": {
        "sign in": (r"увій|вход", None),
        "sign out": (r"вий", None),
        "sign up": (r"зареєстр", r"зареєструватись"),
    },
    "ru": {
        "sign in": (r"вой|вош|вход", None),
        "sign out": (r"вый|выш", None),
        "sign up": (r"зарегистр", None),
    },
}
ACTIONS = {
    "sign in": re.compile(r"\bsign(ed)?[- ]?in\b", re.IGNORECASE),
    "sign out": re.compile(r"\bsign(ed)?[- ]?out\b", re.IGNORECASE),
    "sign up": re.compile(r"\bsign[- ]?up\b", re.IGNORECASE),
}
# What each account page shows, as its button or heading says it.
PAGE_WORDS = {
    "lv": ("Pieslēgties", "Reģistrēties", "Atslēgties"),
    "uk": ("Увійти", "Зареєструватися", "Вийти"),
    "ru": ("Войти", "Зарегистрироваться", "Выйти"),
}


@pytest.mark.parametrize("language", WORDING)
def test_every_sign_in_up_and_out_uses_one_word(language):
    wrong = []
    for entry in catalogue(language):
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        for action, pattern in ACTIONS.items():
            if not pattern.search(entry.msgid):
                continue
            stem, old = WORDING[language][action]
            for text in filter(None, texts):
                uses_stem = re.search(stem, text, re.IGNORECASE)
                uses_old = old and re.search(old, text, re.IGNORECASE)
                if uses_old or not uses_stem:
                    wrong.append((entry.msgid, text))
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", PAGE_WORDS)
def test_account_pages_use_the_sites_words(client, site, language):
    sign_in, sign_up, sign_out = PAGE_WORDS[language]
    login = client.get(f"/{language}/accounts/login/").content.decode()
    assert sign_in in login
    signup = client.get(f"/{language}/accounts/signup/").content.decode()
    assert sign_up in signup
    assert "Ieiet" not in login + signup
    client.force_login(learner(f"{language}@example.org", language=language))
    logout = client.get(f"/{language}/accounts/logout/").content.decode()
    dashboard = client.get(f"/{language}/learning/").content.decode()
    assert sign_out in logout
    assert sign_out in dashboard
    assert "Iziet" not in logout + dashboard
