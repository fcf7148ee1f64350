"""A learner's data: downloaded as JSON, deleted with the account, stats kept."""

import json

from django.contrib.auth import get_user_model

from allauth.account.models import EmailAddress

from learning.models import (
    CheckAttempt,
    Enrolment,
    LearnerProfile,
    LessonCompletion,
)
from tests.factories.learning import PASSWORD, learner
from tests.learning.conftest import answer


def take_first_lesson(client, module):
    first = module["lv"]["lessons"][0]
    client.post(f"/lv/learning/lessons/{first.pk}/complete/")
    answer(client, first, False)


def test_download_holds_everything_about_the_learner(signed_in, anna, module):
    take_first_lesson(signed_in, module)
    response = signed_in.get("/lv/learning/my-data/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == anna.email
    assert data["profile"] == {
        "preferred_language": "lv",
        "organisation": "Rīgas CB",
        "full_name": "",
    }
    assert [e["course"] for e in data["enrolments"]] == ["Vietējā diagnostika"]
    assert data["completed_lessons"][0]["lesson"] == "Diagnostikas pārskats"
    attempt = data["knowledge_check_attempts"][0]
    assert attempt["score"] == 0 and attempt["answers"]


def test_download_holds_nothing_of_anyone_else(signed_in, module):
    other = learner("boris@biblioteka.lv")
    Enrolment.objects.create(
        user=other, course_key=module["lv"]["course"].translation_key
    )
    data = json.loads(signed_in.get("/lv/learning/my-data/").content)
    assert data["enrolments"] == []
    assert "boris" not in json.dumps(data)


def test_deletion_needs_the_password_and_keeps_anonymous_statistics(
    signed_in, anna, module
):
    take_first_lesson(signed_in, module)
    other = learner("boris@biblioteka.lv")
    page = signed_in.get("/lv/learning/delete-account/")
    assert page.status_code == 200
    wrong = signed_in.post("/lv/learning/delete-account/", {"password": "nav"})
    assert wrong.status_code == 400
    assert get_user_model().objects.filter(pk=anna.pk).exists()
    response = signed_in.post("/lv/learning/delete-account/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=anna.pk).exists()
    assert not EmailAddress.objects.filter(email=anna.email).exists()
    assert not LearnerProfile.objects.filter(organisation="Rīgas CB", user=anna.pk)
    # The progress stays, attached to no one.
    assert LessonCompletion.objects.filter(user__isnull=True).count() == 1
    assert CheckAttempt.objects.filter(user__isnull=True).count() == 1
    assert Enrolment.objects.filter(user__isnull=True).count() == 1
    assert get_user_model().objects.filter(pk=other.pk).exists()
    assert "_auth_user_id" not in signed_in.session


def test_data_pages_need_an_account(client, site):
    for path in ("/lv/learning/my-data/", "/lv/learning/delete-account/"):
        assert client.get(path)["Location"].startswith("/lv/accounts/login/")
