"""Enrolling, completing lessons, keeping attempts and completing a course."""

import threading
import time
from urllib.parse import urlencode
from uuid import uuid4

from django.core.signing import b62_encode
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest

from courses.models import CoursePage, LessonPage
from courses.scoring import read_submission, score
from learning.attempt_tokens import FIELD_NAME, make_token, signer_for
from learning.models import Certificate, CheckAttempt, Enrolment, LessonCompletion
from learning.progress import ProgressRefused, record_attempt
from learning.views import find_progress_page
from tests.factories.courses import lesson
from tests.factories.learning import learner
from tests.learning.conftest import answer, answer_form, form_token


def english(reason):
    """A refusal's reason as the English msgid reads, whatever the page's language."""
    with translation.override("en"):
        return str(reason)


def complete_url(page, language="lv"):
    with translation.override(language):
        return reverse("learning:complete_lesson", args=[page.pk])


def enrol_url(page, language="lv"):
    with translation.override(language):
        return reverse("learning:enrol", args=[page.pk])


def test_enrolling_twice_is_refused_and_keeps_one_enrolment(signed_in, anna, module):
    course = module["lv"]["course"]
    response = signed_in.post(enrol_url(course))
    assert response.status_code == 302
    assert response["Location"] == course.url
    replay = signed_in.post(enrol_url(course))
    assert replay.status_code == 409
    assert "already enrolled" in replay.content.decode() or replay.context["reason"]
    assert Enrolment.objects.filter(user=anna).count() == 1


def test_completing_a_lesson_is_recorded_once(signed_in, anna, module):
    first = module["lv"]["lessons"][0]
    response = signed_in.post(complete_url(first))
    assert response.status_code == 302
    assert response["Location"] == first.url
    replay = signed_in.post(complete_url(first))
    assert replay.status_code == 409
    completion = LessonCompletion.objects.get(user=anna)
    assert completion.lesson_key == first.translation_key
    assert completion.course_key == module["lv"]["course"].translation_key
    enrolment = Enrolment.objects.get(user=anna)
    assert enrolment.last_lesson_key == first.translation_key


def test_completion_in_one_language_counts_in_another(signed_in, anna, module):
    signed_in.post(complete_url(module["lv"]["lessons"][0]))
    english = signed_in.get(module["en"]["lessons"][0].url)
    assert "You completed this lesson on" in english.content.decode()
    replay = signed_in.post(complete_url(module["en"]["lessons"][0], "en"))
    assert replay.status_code == 409
    course_page = signed_in.get(module["en"]["course"].url).content.decode()
    assert "1 of 2 lessons complete" in course_page
    assert "Continue with lesson 2: Data sources" in course_page


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_progress_endpoints_take_only_post(signed_in, anna, module, method):
    lesson_page = module["lv"]["lessons"][0]
    response = getattr(signed_in, method)(complete_url(lesson_page))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert not LessonCompletion.objects.exists()


def test_anonymous_readers_are_asked_to_sign_in(client, module):
    response = client.post(complete_url(module["lv"]["lessons"][0], "en"))
    assert response.status_code == 403
    assert response.context["reason"] == "Sign in to save your progress."
    assert client.post(enrol_url(module["lv"]["course"])).status_code == 403
    assert not LessonCompletion.objects.exists()
    assert not Enrolment.objects.exists()
    lesson_page = client.get(module["en"]["lessons"][0].url).content.decode()
    assert "/en/accounts/login/?next=" in lesson_page


def test_unpublished_and_unknown_lessons_are_refused(signed_in, module):
    draft = module["lv"]["lessons"][1]
    draft.unpublish()
    response = signed_in.post(complete_url(draft, "en"))
    assert response.status_code == 404
    assert response.context["reason"] == "This page is not published."
    missing = signed_in.post(reverse("learning:complete_lesson", args=[999999]))
    assert missing.status_code == 404
    not_a_lesson = signed_in.post(complete_url(module["lv"]["course"]))
    assert not_a_lesson.status_code == 404
    assert not LessonCompletion.objects.exists()
    assert not Enrolment.objects.exists()


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def test_restricted_lessons_and_lessons_of_restricted_aliases_are_refused(
    signed_in, module
):
    course = module["lv"]["course"]
    first, second = module["lv"]["lessons"]
    alias = course.create_alias(recursive=True, update_slug="alias")
    alias_first, alias_second = alias.get_children().order_by("path").specific()
    restrict(second)
    assert signed_in.post(complete_url(second)).status_code == 404
    assert signed_in.post(complete_url(alias_second)).status_code == 404
    assert signed_in.post(complete_url(first)).status_code == 302
    restrict(course)  # the alias course has the restrictions of its source
    response = signed_in.post(complete_url(alias_first, "en"))
    assert response.status_code == 404
    assert response.context["reason"] == "This page is not published."
    assert list(LessonCompletion.objects.values_list("lesson_key", flat=True)) == [
        first.translation_key
    ]


def test_progress_pages_restrictions_agree_with_wagtail_for_pages_and_aliases(
    module,
):
    course = module["lv"]["course"]
    alias = course.create_alias(recursive=True, update_slug="alias")
    alias.create_alias(update_slug="alias-of-alias")
    pages = [*CoursePage.objects.all(), *LessonPage.objects.all()]
    assert len(pages) == 10  # each course and its two lessons, and the aliases
    catalogue = course.get_parent()
    for restricted in (None, module["lv"]["lessons"][1], course, catalogue, alias):
        PageViewRestriction.objects.all().delete()
        if restricted:
            restrict(restricted)
        for page in pages:
            expected = page.get_view_restrictions().exists()
            found = find_progress_page(type(page), page.pk)
            assert found.restricted == expected, (restricted, page)


def test_a_restricted_lesson_is_not_needed_to_complete_the_course(
    signed_in, anna, module
):
    first, second = module["lv"]["lessons"]
    restrict(second)
    signed_in.post(complete_url(first))
    answer(signed_in, first, True)
    assert Enrolment.objects.get(user=anna).completed_at is not None


def test_a_user_field_cannot_record_progress_for_someone_else(signed_in, anna, module):
    other = learner("boris@biblioteka.lv")
    lesson_page = module["lv"]["lessons"][0]
    signed_in.post(complete_url(lesson_page), {"user": other.pk, "user_id": other.pk})
    assert list(LessonCompletion.objects.values_list("user", flat=True)) == [anna.pk]


def test_progress_needs_a_csrf_token(anna, module):
    client = Client(enforce_csrf_checks=True)
    client.force_login(anna)
    response = client.post(complete_url(module["lv"]["lessons"][0]))
    assert response.status_code == 403
    assert not LessonCompletion.objects.exists()


def test_every_attempt_is_kept_and_the_best_counts(signed_in, anna, module):
    lesson_page = module["lv"]["lessons"][0]
    assert answer(signed_in, lesson_page, False).status_code == 200
    assert answer(signed_in, lesson_page, True).status_code == 200
    assert answer(signed_in, lesson_page, False).status_code == 200
    attempts = CheckAttempt.objects.filter(user=anna).order_by("created_at")
    assert [a.score for a in attempts] == [0, 100, 0]
    assert [a.passed for a in attempts] == [False, True, False]
    assert attempts[0].responses.count() == 3
    # The best score shows in every language version of the lesson.
    english = signed_in.get(module["en"]["lessons"][0].url).content.decode()
    assert "Your best knowledge-check score: 100%." in english


def test_bad_submissions_store_no_attempt(signed_in, module):
    lesson_page = module["lv"]["lessons"][0]
    response = signed_in.post(lesson_page.url, {"check": "nope", "q-x": "y"})
    assert response.status_code == 400
    assert not CheckAttempt.objects.exists()
    assert not Enrolment.objects.exists()


def test_a_replayed_answer_is_refused_and_changes_nothing(signed_in, anna, module):
    lesson_page = module["lv"]["lessons"][0]
    data = {
        **answer_form(lesson_page, False),
        FIELD_NAME: form_token(signed_in, lesson_page),
    }
    assert signed_in.post(lesson_page.url, data).status_code == 200
    enrolment = Enrolment.objects.get(user=anna)
    data.update(answer_form(lesson_page, True))  # a tampered replay fares no better
    replay = signed_in.post(lesson_page.url, data)
    assert replay.status_code == 409
    assert "already submitted" in english(replay.context["submission_error"])
    assert [a.score for a in CheckAttempt.objects.filter(user=anna)] == [0]
    assert (
        Enrolment.objects.get(user=anna).last_activity_at == enrolment.last_activity_at
    )
    # The reloaded lesson's form takes the next answer.
    assert answer(signed_in, lesson_page, True).status_code == 200
    assert CheckAttempt.objects.filter(user=anna).count() == 2


def test_the_database_refuses_a_token_twice(anna, module):
    lesson_page = module["lv"]["lessons"][0]
    check_id, answers = read_submission(
        QueryDict(urlencode(answer_form(lesson_page), doseq=True))
    )
    result = score(lesson_page.knowledge_checks()[check_id], answers)
    record_attempt(anna, lesson_page, check_id, answers, result, nonce="n1")
    with pytest.raises(ProgressRefused) as refusal:
        record_attempt(anna, lesson_page, check_id, answers, result, nonce="n1")
    assert refusal.value.status == 409
    assert CheckAttempt.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_copies_of_one_answer_racing_keep_one_attempt(anna, module):
    lesson_page = module["lv"]["lessons"][0]
    client = Client()
    client.force_login(anna)
    data = {**answer_form(lesson_page), FIELD_NAME: form_token(client, lesson_page)}
    start = threading.Barrier(2)
    statuses = []

    def send():
        copy = Client()
        copy.cookies = client.cookies
        start.wait()
        try:
            statuses.append(copy.post(lesson_page.url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 409]
    assert CheckAttempt.objects.filter(user=anna).count() == 1


def old_token(user, lesson_page, check_id, hours):
    """A token as the form made it ``hours`` ago."""
    signer = signer_for(user, lesson_page, check_id)
    value = f"nonce:{b62_encode(int(time.time() - hours * 3600))}"
    return f"{value}:{signer.signature(value)}"


@pytest.mark.parametrize(
    "token, reason",
    [
        (lambda anna, boris, page, check: None, "without their form's token"),
        (lambda anna, boris, page, check: "", "without their form's token"),
        (lambda anna, boris, page, check: "nonce:1:forged", "not valid"),
        (lambda anna, boris, page, check: make_token(boris, page, check), "not valid"),
        (lambda anna, boris, page, check: make_token(anna, page, "other"), "not valid"),
        (lambda anna, boris, page, check: old_token(anna, page, check, 7), "expired"),
    ],
    ids=[
        "missing",
        "empty",
        "forged",
        "another learner's",
        "another check's",
        "expired",
    ],
)
def test_answers_without_a_valid_token_get_400_and_change_nothing(
    signed_in, anna, module, token, reason
):
    lesson_page = module["lv"]["lessons"][0]
    data = answer_form(lesson_page, True)
    value = token(anna, learner("boris@biblioteka.lv"), lesson_page, data["check"])
    if value is not None:
        data[FIELD_NAME] = value
    response = signed_in.post(lesson_page.url, data)
    assert response.status_code == 400
    assert reason in english(response.context["submission_error"])
    assert not CheckAttempt.objects.exists()
    assert not Enrolment.objects.exists()


def test_an_older_token_within_its_age_still_counts(signed_in, anna, module):
    lesson_page = module["lv"]["lessons"][0]
    data = answer_form(lesson_page, True)
    data[FIELD_NAME] = old_token(anna, lesson_page, data["check"], 5)
    assert signed_in.post(lesson_page.url, data).status_code == 200
    assert CheckAttempt.objects.filter(user=anna).count() == 1


def test_only_signed_in_learners_get_a_fresh_token_per_view(client, anna, module):
    lesson_page = module["lv"]["lessons"][0]
    assert FIELD_NAME not in client.get(lesson_page.url).content.decode()
    client.force_login(anna)
    assert form_token(client, lesson_page) != form_token(client, lesson_page)


def test_anonymous_answers_are_scored_but_not_stored(client, module):
    lesson_page = module["lv"]["lessons"][0]
    response = client.post(lesson_page.url, answer_form(lesson_page, True))
    assert response.status_code == 200
    assert not CheckAttempt.objects.exists()


def test_course_completes_when_every_lesson_is_done_and_checks_passed(
    signed_in, anna, module
):
    first, second = module["lv"]["lessons"]
    signed_in.post(complete_url(first))
    signed_in.post(complete_url(second))
    answer(signed_in, first, False)
    assert Enrolment.objects.get(user=anna).completed_at is None
    # Passing in English completes the course started in Latvian.
    english = module["en"]["lessons"][0]
    answer(signed_in, english, True)
    enrolment = Enrolment.objects.get(user=anna)
    assert enrolment.completed_at is not None
    course_page = signed_in.get(module["en"]["course"].url).content.decode()
    assert "You completed this course on" in course_page


def test_checks_alone_do_not_complete_a_course(signed_in, anna, module):
    first = module["lv"]["lessons"][0]
    answer(signed_in, first, True)
    signed_in.post(complete_url(first))
    assert Enrolment.objects.get(user=anna).completed_at is None


def test_the_last_lesson_completes_the_course_past_drafts_and_private_lessons(
    signed_in, anna, module
):
    course = module["lv"]["course"]
    first, second = module["lv"]["lessons"]
    lesson(course, title="Melnraksts", check=False).unpublish()
    restrict(lesson(course, title="Slēgta nodarbība", check=False))
    answer(signed_in, first, True)
    assert signed_in.post(complete_url(second)).status_code == 302
    assert Enrolment.objects.get(user=anna).completed_at is None
    assert not Certificate.objects.exists()
    assert signed_in.post(complete_url(first)).status_code == 302
    assert Enrolment.objects.get(user=anna).completed_at is not None
    assert Certificate.objects.filter(user=anna).count() == 1


def test_a_new_lesson_is_needed_before_the_course_completes(signed_in, anna, module):
    first, second = module["lv"]["lessons"]
    answer(signed_in, first, True)
    signed_in.post(complete_url(first))
    added = lesson(module["lv"]["course"], title="Jauna nodarbība", check=False)
    signed_in.post(complete_url(second))
    assert Enrolment.objects.get(user=anna).completed_at is None
    signed_in.post(complete_url(added))
    assert Enrolment.objects.get(user=anna).completed_at is not None


def completion_queries(client, lesson_page):
    """The queries of one completion POST, which must succeed."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(complete_url(lesson_page))
    assert response.status_code == 302
    return len(queries)


def test_a_completion_takes_the_same_few_queries_whatever_the_history(
    client, anna, module
):
    course = module["lv"]["course"]
    second = module["lv"]["lessons"][1]
    veteran = learner("veteran@biblioteka.lv")
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=veteran, course_key=uuid4(), lesson_key=uuid4())
        for _ in range(200)
    )
    counts = []
    for user in (anna, veteran):
        client.force_login(user)
        client.post(enrol_url(course))
        counts.append(completion_queries(client, second))
    # Session, user, the lesson with its view restrictions, the completion with
    # the enrolment (made or touched), whether a lesson is left.
    assert counts == [5, 5]
