"""Answering a knowledge check on a lesson: feedback, score, and refusals."""

from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories.courses import catalogue, check_ids, course, lesson


@pytest.fixture
def lesson_page(client, site):
    # English, so that the assertions can quote the interface's English wording.
    page = lesson(course(catalogue(site["en"]), pass_mark=60))
    client.get(page.url)  # the footer's site settings are created on first view
    return page


def post(client, page, data):
    """Post form data as a browser does, urlencoded; returns (response, writes)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            page.url,
            urlencode(data, doseq=True),
            content_type="application/x-www-form-urlencoded",
        )
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    return response, writes


def form(page, **chosen):
    """Form data choosing answers by question text prefix and answer texts."""
    check_id, questions = check_ids(page)
    data = {"check": check_id}
    for prefix, texts in chosen.items():
        question_id, answer_ids = next(
            value for text, value in questions.items() if text.startswith(prefix)
        )
        data[f"q-{question_id}"] = [answer_ids[text] for text in texts]
    return data


@pytest.mark.django_db
def test_all_right_answers_pass(client, lesson_page):
    data = form(
        lesson_page,
        Ar=["Mobility"],
        Kuras=["Interviews", "Focus groups"],
        Pārskats=["True"],
    )
    response, writes = post(client, lesson_page, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "100%" in html and "3 of 3" in html
    assert "Pass mark: 60%" in html and "You passed this check." in html
    assert html.count("Correct") == 4  # one label per chosen answer
    assert "Feedback on Mobility" in html and "Not quite" not in html
    assert writes == []


@pytest.mark.django_db
def test_wrong_answers_get_their_feedback_and_the_rest_stays_hidden(
    client, lesson_page
):
    data = form(lesson_page, Ar=["Hackathon"], Kuras=["Interviews"])
    response, writes = post(client, lesson_page, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "0%" in html and "0 of 3" in html and "Not passed yet" in html
    assert "Feedback on Hackathon" in html and "Feedback on Interviews" in html
    # Only the given answers get feedback; the right ones are not revealed.
    assert "Feedback on Mobility" not in html
    assert "Feedback on Focus groups" not in html
    assert "Not answered." in html
    assert html.count(" checked ") == 2
    assert writes == []


@pytest.mark.django_db
def test_check_needs_a_csrf_token(lesson_page):
    client = Client(enforce_csrf_checks=True)
    data = form(lesson_page, Ar=["Mobility"])
    assert client.post(lesson_page.url, data).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad",
    [
        "unknown-answer",
        "unknown-question",
        "two-answers-single",
        "empty",
        "no-check",
        "unknown-check",
        "huge",
    ],
)
def test_bad_submissions_get_400_with_a_reason(client, lesson_page, bad):
    data = form(lesson_page, Ar=["Mobility"])
    question_key = next(key for key in data if key.startswith("q-"))
    if bad == "unknown-answer":
        data[question_key] = ["not-an-answer"]
    elif bad == "unknown-question":
        data["q-not-a-question"] = data.pop(question_key)
    elif bad == "two-answers-single":
        data = form(lesson_page, Ar=["Mobility", "Hackathon"])
    elif bad == "empty":
        del data[question_key]
    elif bad == "no-check":
        del data["check"]
    elif bad == "unknown-check":
        data["check"] = "not-a-check"
    elif bad == "huge":
        data.update({f"field-{n}": "x" * 90 for n in range(2000)})
    response, writes = post(client, lesson_page, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html and "could not be checked" in html
    assert "Feedback on" not in html
    assert writes == []


@pytest.mark.django_db
def test_far_too_many_fields_are_refused_before_parsing(client, lesson_page):
    data = {f"f{n}": "1" for n in range(11_000)}
    response, _writes = post(client, lesson_page, data)
    assert response.status_code == 400
    assert "too large" in response.content.decode()


TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80
)


@st.composite
def form_data(draw, ids):
    """Arbitrary form data, mixed with the lesson's real check, question, answer ids."""
    check_id, question_ids, answer_ids = ids
    keys = st.one_of(
        TEXT,
        st.just("check"),
        st.sampled_from([f"q-{question_id}" for question_id in question_ids]),
        TEXT.map(lambda text: f"q-{text}"),
    )
    values = st.one_of(
        TEXT, st.just(check_id), st.sampled_from(answer_ids), st.just("")
    )
    return draw(
        st.dictionaries(keys, st.lists(values, min_size=1, max_size=4), max_size=8)
    )


@pytest.mark.django_db
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_form_data_gets_200_or_400_never_500(client, lesson_page, data):
    check_id, questions = check_ids(lesson_page)
    ids = (
        check_id,
        [question_id for question_id, _answers in questions.values()],
        [a for _q, answers in questions.values() for a in answers.values()],
    )
    payload = data.draw(form_data(ids))
    response, writes = post(client, lesson_page, payload)
    assert response.status_code in (200, 400)
    assert writes == []
