"""Enrolling, completing lessons, keeping attempts and completing a course."""

from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from learning.models import CheckAttempt, Enrolment, LessonCompletion
from tests.factories.learning import learner
from tests.learning.conftest import answer_form


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
    assert (
        signed_in.post(lesson_page.url, answer_form(lesson_page, False)).status_code
        == 200
    )
    assert (
        signed_in.post(lesson_page.url, answer_form(lesson_page, True)).status_code
        == 200
    )
    assert (
        signed_in.post(lesson_page.url, answer_form(lesson_page, False)).status_code
        == 200
    )
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
    signed_in.post(first.url, answer_form(first, False))
    assert Enrolment.objects.get(user=anna).completed_at is None
    # Passing in English completes the course started in Latvian.
    english = module["en"]["lessons"][0]
    signed_in.post(english.url, answer_form(english, True))
    enrolment = Enrolment.objects.get(user=anna)
    assert enrolment.completed_at is not None
    course_page = signed_in.get(module["en"]["course"].url).content.decode()
    assert "You completed this course on" in course_page


def test_checks_alone_do_not_complete_a_course(signed_in, anna, module):
    first = module["lv"]["lessons"][0]
    signed_in.post(first.url, answer_form(first, True))
    signed_in.post(complete_url(first))
    assert Enrolment.objects.get(user=anna).completed_at is None
