"""Webinars count: learners mark recordings followed, trainers record attendance."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning.models import WebinarAttendance
from tests.factories import resources
from tests.factories.learning import PASSWORD, learner
from tests.factories.pages import translate
from tests.factories.staff import staff_user, trainer

TRANSCRIPT = "<p>Ko mēs runājām par partnerībām.</p>"


@pytest.fixture
def webinars(site):
    """A past webinar with a transcript (and its English version), and others."""
    index = resources.webinar_index(site["lv"])
    past = resources.past_webinar(
        index, title="Partnerību vebinārs", transcript=TRANSCRIPT
    )
    translate(index, site["en"].locale, title="Webinars")
    english = translate(
        past,
        site["en"].locale,
        title="Partnerships webinar",
        start=past.start,
        transcript=TRANSCRIPT,
    )
    unpublished = resources.past_webinar(
        index, title="Melnraksts", transcript=TRANSCRIPT
    )
    unpublished.unpublish()
    return {
        "past": past,
        "english": english,
        "recorded": resources.past_webinar(
            index, title="Ar ierakstu", recording_url="https://example.org/v/1"
        ),
        "upcoming": resources.webinar(index, title="Nākamais", transcript=TRANSCRIPT),
        "bare": resources.past_webinar(index, title="Bez ieraksta"),
        "unpublished": unpublished,
    }


def followed_url(page, language="lv"):
    with translation.override(language):
        return reverse("learning:mark_webinar_followed", args=[page.pk])


def attendance_url(page):
    return reverse("learning_webinar_attendance", args=[page.pk])


def in_english(text):
    """A lazily translated reason, read in English."""
    with translation.override("en"):
        return str(text)


def test_a_learner_marks_a_past_webinar_followed_once(signed_in, anna, webinars):
    english = webinars["english"]
    page = signed_in.get(english.url).content.decode()
    assert "I followed this webinar" in page
    assert followed_url(english, "en") in page
    response = signed_in.post(followed_url(english, "en"))
    assert response.status_code == 302
    assert response["Location"] == english.url
    attendance = WebinarAttendance.objects.get(user=anna)
    assert attendance.webinar_key == english.translation_key
    assert attendance.how == WebinarAttendance.FOLLOWED_RECORDING
    assert attendance.recorded_by is None
    replay = signed_in.post(followed_url(english, "en"))
    assert replay.status_code == 409
    assert "already in your training record" in replay.content.decode()
    assert WebinarAttendance.objects.filter(user=anna).count() == 1
    after = signed_in.get(english.url).content.decode()
    assert "This webinar is in your training record" in after
    assert "I followed this webinar" not in after


def test_followed_in_one_language_counts_in_another(signed_in, anna, webinars):
    signed_in.post(followed_url(webinars["past"]))
    latvian = signed_in.get(webinars["past"].url).content.decode()
    assert followed_url(webinars["past"]) not in latvian
    assert "progress-box__done" in latvian
    english = signed_in.get(webinars["english"].url).content.decode()
    assert "This webinar is in your training record" in english
    replay = signed_in.post(followed_url(webinars["english"], "en"))
    assert replay.status_code == 409
    assert WebinarAttendance.objects.count() == 1


def test_a_recording_without_a_transcript_counts(signed_in, anna, webinars):
    response = signed_in.post(followed_url(webinars["recorded"]))
    assert response.status_code == 302
    assert WebinarAttendance.objects.filter(user=anna).count() == 1


@pytest.mark.parametrize(
    ("name", "status", "reason"),
    [
        ("upcoming", 409, "has not taken place yet"),
        ("bare", 409, "no recording or transcript"),
        ("unpublished", 404, "not published"),
    ],
)
def test_webinars_that_cannot_be_followed_are_refused(
    signed_in, webinars, name, status, reason
):
    response = signed_in.post(followed_url(webinars[name], "en"))
    assert response.status_code == status
    assert reason in str(response.context["reason"])
    assert not WebinarAttendance.objects.exists()


def test_no_button_where_nothing_can_be_followed(signed_in, webinars):
    for name in ("upcoming", "bare"):
        page = signed_in.get(webinars[name].url).content.decode()
        assert followed_url(webinars[name]) not in page
        assert 'id="followed-heading"' not in page


def test_an_unknown_page_and_a_get_are_refused(signed_in, webinars):
    with translation.override("lv"):
        unknown = reverse("learning:mark_webinar_followed", args=[999999])
    assert signed_in.post(unknown).status_code == 404
    response = signed_in.get(followed_url(webinars["past"]))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert not WebinarAttendance.objects.exists()


def test_anonymous_readers_get_a_sign_in_hint_and_are_refused(client, webinars):
    content = client.get(webinars["english"].url).content.decode()
    assert "To add this webinar to your training record" in content
    assert "/en/accounts/login/?next=" in content
    assert "I followed this webinar" not in content
    assert "csrfmiddlewaretoken" not in content
    response = client.post(followed_url(webinars["past"]))
    assert response.status_code == 403
    assert not WebinarAttendance.objects.exists()


def test_a_learners_state_never_reaches_the_anonymous_page_cache(
    settings, signed_in, webinars
):
    settings.PAGE_CACHE_SECONDS = 60
    url = webinars["english"].url
    signed_in.post(followed_url(webinars["past"]))
    mine = signed_in.get(url)
    assert "This webinar is in your training record" in mine.content.decode()
    assert mine["X-Page-Cache"] == "BYPASS"
    anonymous = Client()
    first, second = anonymous.get(url), anonymous.get(url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("MISS", "HIT")
    for response in (first, second):
        content = response.content.decode()
        assert "This webinar is in your training record" not in content
        assert "To add this webinar to your training record" in content


def test_marking_leaves_other_learners_untouched(signed_in, anna, webinars):
    other = learner("other@biblioteka.lv")
    WebinarAttendance.objects.create(
        user=other,
        webinar_key=webinars["recorded"].translation_key,
        how=WebinarAttendance.ATTENDED_LIVE,
        at=webinars["recorded"].start,
    )
    signed_in.post(followed_url(webinars["recorded"]))
    signed_in.post(followed_url(webinars["past"]))
    theirs = WebinarAttendance.objects.get(user=other)
    assert theirs.how == WebinarAttendance.ATTENDED_LIVE
    assert WebinarAttendance.objects.filter(user=other).count() == 1
    assert WebinarAttendance.objects.filter(user=anna).count() == 2


def test_deleting_the_account_keeps_attendance_anonymously(signed_in, anna, webinars):
    signed_in.post(followed_url(webinars["past"]))
    with translation.override("lv"):
        url = reverse("learning:delete_account")
    response = signed_in.post(url, {"password": PASSWORD})
    assert response.status_code == 302
    attendance = WebinarAttendance.objects.get()
    assert attendance.user is None
    assert attendance.webinar_key == webinars["past"].translation_key


@pytest.fixture
def trainer_client(db):
    client = Client()
    client.force_login(trainer())
    return client


def test_a_trainer_records_live_attendance(trainer_client, webinars):
    anna = learner("anna@biblioteka.lv")
    learner("juris@biblioteka.lv")
    past = webinars["past"]
    response = trainer_client.post(
        attendance_url(past),
        {"addresses": "Anna@Biblioteka.lv, nobody@example.org\njuris@biblioteka.lv;x"},
    )
    assert response.status_code == 200
    result = response.context["result"]
    assert result.recorded == ["anna@biblioteka.lv", "juris@biblioteka.lv"]
    assert result.not_found == ["nobody@example.org", "x"]
    assert "nobody@example.org" in response.content.decode()
    rows = WebinarAttendance.objects.filter(webinar_key=past.translation_key)
    assert rows.count() == 2
    mine = rows.get(user=anna)
    assert mine.how == WebinarAttendance.ATTENDED_LIVE
    assert mine.recorded_by.username == "trainer"
    assert mine.at == past.start
    replay = trainer_client.post(
        attendance_url(past), {"addresses": "anna@biblioteka.lv"}
    )
    assert replay.context["result"].already == ["anna@biblioteka.lv"]
    assert replay.context["result"].recorded == []
    assert rows.count() == 2


def test_a_learner_who_followed_the_recording_stays_as_they_said(
    trainer_client, webinars
):
    anna = learner("anna@biblioteka.lv")
    WebinarAttendance.objects.create(
        user=anna,
        webinar_key=webinars["past"].translation_key,
        how=WebinarAttendance.FOLLOWED_RECORDING,
        at=timezone.now(),
    )
    response = trainer_client.post(
        attendance_url(webinars["english"]), {"addresses": "anna@biblioteka.lv"}
    )
    assert response.context["result"].already == ["anna@biblioteka.lv"]
    assert WebinarAttendance.objects.get().how == WebinarAttendance.FOLLOWED_RECORDING


def test_a_future_webinar_is_refused(trainer_client, webinars):
    learner("anna@biblioteka.lv")
    for method in ("get", "post"):
        response = getattr(trainer_client, method)(
            attendance_url(webinars["upcoming"]), {"addresses": "anna@biblioteka.lv"}
        )
        assert response.status_code == 409
        assert "has not ended yet" in in_english(response.context["refused"])
    assert not WebinarAttendance.objects.exists()


@pytest.mark.parametrize(
    ("addresses", "code"),
    [
        ("", "required"),
        (" ,\n; ", "no_address"),
        (",".join(f"l{i}@example.org" for i in range(501)), "too_many"),
        ("a@b.lv\x00", "null_characters_not_allowed"),
    ],
)
def test_bad_address_lists_are_refused(trainer_client, webinars, addresses, code):
    learner("anna@biblioteka.lv")
    response = trainer_client.post(
        attendance_url(webinars["past"]), {"addresses": addresses}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors.as_data()["addresses"]
    assert [error.code for error in errors] == [code]
    assert "error-message" in response.content.decode()
    assert not WebinarAttendance.objects.exists()


def test_an_unknown_webinar_is_not_found(trainer_client, webinars):
    """Django's LocaleMiddleware sends an admin 404 on to /lv/admin/..., the
    page tree, which has no such page either."""
    url = reverse("learning_webinar_attendance", args=[999999])
    response = trainer_client.post(url, {"addresses": "a@b.lv"}, follow=True)
    assert response.status_code == 404
    assert not WebinarAttendance.objects.exists()


def test_who_may_record_attendance(client, webinars):
    """Anonymous readers and learners go to the admin's sign-in, staff without
    the right are sent back; trainers and moderators record."""
    anna = learner("anna@biblioteka.lv")
    url = attendance_url(webinars["past"])
    data = {"addresses": "anna@biblioteka.lv"}
    assert client.post(url, data).status_code == 302
    client.force_login(anna)
    response = client.post(url, data)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    editor = staff_user("editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.post(url, data)
    # Wagtail turns a refused permission in its admin into a redirect home.
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert client.get(reverse("learning_webinar_list")).status_code == 302
    assert (
        reverse("learning_webinar_list") not in client.get("/admin/").content.decode()
    )
    assert not WebinarAttendance.objects.exists()
    for username, group in (("t", "Trainers"), ("m", "Moderators")):
        client.force_login(staff_user(username, group))
        assert client.get(reverse("learning_webinar_list")).status_code == 200
        assert client.post(url, data).status_code == 200
    assert WebinarAttendance.objects.filter(user=anna).count() == 1


def test_the_webinar_list_and_the_page_action_lead_to_the_form(
    trainer_client, webinars
):
    listing = trainer_client.get(reverse("learning_webinar_list")).content.decode()
    assert attendance_url(webinars["past"]) in listing
    assert attendance_url(webinars["upcoming"]) not in listing
    edit = trainer_client.get(
        reverse("wagtailadmin_pages:edit", args=[webinars["past"].pk])
    ).content.decode()
    assert attendance_url(webinars["past"]) in edit


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=300))
def test_any_text_in_the_address_box_never_fails(trainer_client, webinars, text):
    """Whatever is pasted: no server error, and only the known learner is recorded."""
    if not get_user_model().objects.filter(email="anna@biblioteka.lv").exists():
        learner("anna@biblioteka.lv")
    padded = text.replace("\x00", "") + "\nanna@biblioteka.lv"
    for addresses in (text, padded):
        response = trainer_client.post(
            attendance_url(webinars["past"]), {"addresses": addresses}
        )
        assert response.status_code in (200, 400)
    recorded = WebinarAttendance.objects.values_list("user__email", flat=True)
    assert set(recorded) == {"anna@biblioteka.lv"}
