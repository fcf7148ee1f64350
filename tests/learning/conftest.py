"""A two-lesson course in Latvian and English, and the learners who take it."""

import re

import pytest

from learning.attempt_tokens import FIELD_NAME
from tests.factories.courses import (
    catalogue,
    check_ids,
    course,
    knowledge_check_value,
    lesson,
)
from tests.factories.learning import learner
from tests.factories.pages import translate


@pytest.fixture(autouse=True)
def private_cache(settings):
    """A cache of this process only: other suites on this machine flush Redis,
    which would reset rate limits and cached lookups in the middle of a test."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }


@pytest.fixture
def module(site):
    """{"lv"|"en": {"course", "lessons": [with check, without]}} as translations.

    The English check has block ids of its own, as a separately written
    translation has: progress must not depend on them."""
    lv_course = course(catalogue(site["lv"]), pass_mark=60)
    lv_lessons = [
        lesson(lv_course, title="Diagnostikas pārskats"),
        lesson(lv_course, title="Datu avoti", check=False),
    ]
    translate(catalogue_of(lv_course), site["en"].locale, title="Courses")
    en_course = translate(
        lv_course, site["en"].locale, title="Local diagnostics", summary="Summary"
    )
    en_lessons = [
        translate(
            lv_lessons[0],
            site["en"].locale,
            title="Diagnostic overview",
            # Written anew, as the demo's are: other block ids, the same order.
            body=[("knowledge_check", knowledge_check_value("Check yourself"))],
        ),
        translate(
            lv_lessons[1],
            site["en"].locale,
            title="Data sources",
            body=[("paragraph", "<p>Data sources.</p>")],
        ),
    ]
    return {
        "lv": {"course": lv_course, "lessons": lv_lessons},
        "en": {"course": en_course, "lessons": en_lessons},
    }


def catalogue_of(page):
    return page.get_parent().specific


@pytest.fixture
def anna(db):
    return learner()


@pytest.fixture
def signed_in(client, anna):
    client.force_login(anna)
    return client


def answer_form(lesson_page, right=True):
    """Form data answering every question of the lesson's check, right or wrong."""
    check_id, questions = check_ids(lesson_page)
    chosen = {
        True: {
            "Ar ko sākas diagnostika?": ["Mobility"],
            "Kuras ir datu ieguves metodes?": ["Interviews", "Focus groups"],
            "Pārskats ir stratēģijas pamats.": ["True"],
        },
        False: {
            "Ar ko sākas diagnostika?": ["Hackathon"],
            "Kuras ir datu ieguves metodes?": ["Guessing"],
            "Pārskats ir stratēģijas pamats.": ["False"],
        },
    }[right]
    data = {"check": check_id}
    for text, answers in chosen.items():
        question_id, answer_ids = questions[text]
        data[f"q-{question_id}"] = [answer_ids[a] for a in answers]
    return data


TOKEN_INPUT = re.compile(rf'name="{FIELD_NAME}" value="([^"]+)"')


def form_token(client, lesson_page):
    """The one-time token the lesson's check form carries for the signed-in client."""
    html = client.get(lesson_page.url).content.decode()
    return TOKEN_INPUT.search(html).group(1)


def answer(client, lesson_page, right=True):
    """Answer the lesson's check right or wrong, as the form a learner loads does."""
    data = {
        **answer_form(lesson_page, right),
        FIELD_NAME: form_token(client, lesson_page),
    }
    return client.post(lesson_page.url, data)
