"""A learner marks a webinar followed and downloads the record; a trainer records."""

import io

from django.conf import settings
from django.test import Client

import pytest
from pypdf import PdfReader

from learning.models import WebinarAttendance
from tests.e2e.conftest import axe_violations
from tests.factories import resources
from tests.factories.learning import learner
from tests.factories.pages import build_site
from tests.factories.staff import trainer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, live_server, user):
    """Give the browser a session of ``user``, as signing in would."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": cookie,
                "url": live_server.url,
            }
        ]
    )


def test_a_learner_marks_a_webinar_followed_and_downloads_the_record(
    live_server, phone
):
    homes = build_site()
    index = resources.webinar_index(homes["lv"])
    webinar = resources.past_webinar(
        index, title="Partnerību vebinārs", transcript="<p>Ko mēs runājām.</p>"
    )
    anna = learner("anna@biblioteka.lv")
    page, steps = phone
    found = {}

    page.goto(live_server.url + webinar.url)
    assert page.locator("#followed-heading").is_visible()
    assert page.locator("main a[href^='/lv/accounts/login/']").count() >= 1
    found["anonymous"] = axe_violations(page)
    steps.shot("anonymous-hint")

    sign_in(page, live_server, anna)
    page.goto(live_server.url + webinar.url)
    page.get_by_role("button", name="Es noskatījos šo vebināru").click()
    page.wait_for_selector(".progress-box__done")
    assert WebinarAttendance.objects.get(user=anna).how == "recording"
    found["followed"] = axe_violations(page)
    steps.shot("followed")

    page.goto(live_server.url + "/lv/learning/")
    found["dashboard"] = axe_violations(page)
    steps.shot("dashboard")
    with page.expect_download() as download:
        page.locator("a[href='/lv/learning/record.pdf']").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Partnerību vebinārs" in text
    assert "Stundas kopā: 1" in text
    assert not any(found.values()), found


def test_a_trainer_records_live_attendance_in_the_admin(live_server, desktop):
    homes = build_site()
    index = resources.webinar_index(homes["lv"])
    webinar = resources.past_webinar(index, title="Tiešraides vebinārs")
    anna = learner("anna@biblioteka.lv")
    page, steps = desktop

    sign_in(page, live_server, trainer())
    page.goto(live_server.url + "/admin/learning/webinars/")
    page.locator(f"a[href$='/webinars/{webinar.pk}/attendance/']").click()
    page.fill("textarea", "anna@biblioteka.lv\nnav.zinams@example.org")
    steps.shot("attendance-form")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector(".attendance-not-found")
    assert page.locator(".attendance-recorded li").all_inner_texts() == [
        "anna@biblioteka.lv"
    ]
    assert page.locator(".attendance-not-found li").all_inner_texts() == [
        "nav.zinams@example.org"
    ]
    steps.shot("attendance-recorded")
    assert WebinarAttendance.objects.get(user=anna).how == "live"
