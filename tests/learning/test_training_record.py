"""The training record: modules completed and webinars followed, as CSV and PDF."""

import csv
import io
import json
from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from pypdf import PdfReader

from courses.models import CoursePage
from learning.attendance import record_live_attendance
from learning.models import Enrolment, WebinarAttendance
from tests.factories import resources
from tests.factories.learning import learner
from tests.factories.pages import translate
from tests.factories.staff import trainer
from tests.learning.conftest import answer


def complete_module(client, module):
    """Complete both lessons and pass the check, as the learner does on the site."""
    first, second = module["lv"]["lessons"]
    answer(client, first, True)
    for lesson_page in (first, second):
        client.post(f"/lv/learning/lessons/{lesson_page.pk}/complete/")


@pytest.fixture
def webinars(site):
    index = resources.webinar_index(site["lv"])
    translate(index, site["en"].locale, title="Webinars")
    recorded = resources.past_webinar(
        index, title="Krājuma vebinārs", duration=45, transcript="<p>Teksts.</p>"
    )
    translate(
        recorded,
        site["en"].locale,
        title="Collections webinar",
        start=recorded.start,
        duration=45,
    )
    live = resources.past_webinar(index, title="Tiešraides vebinārs", days_ago=3)
    return {"recorded": recorded, "live": live}


@pytest.fixture
def record(signed_in, anna, module, webinars):
    """Anna completed the 90-minute module, followed one recording, attended one."""
    anna.first_name, anna.last_name = "Anna", "Bērziņa"
    anna.save()
    CoursePage.objects.filter(
        translation_key=module["lv"]["course"].translation_key
    ).update(estimated_minutes=90)
    complete_module(signed_in, module)
    assert Enrolment.objects.get(user=anna).completed_at is not None
    signed_in.post(f"/lv/learning/webinars/{webinars['recorded'].pk}/followed/")
    record_live_attendance(webinars["live"], [anna.email], trainer())
    return signed_in


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_csv_lists_modules_and_webinars_with_hours(record, module):
    rows = csv_rows(record.get("/en/learning/record.csv"))
    today = timezone.localdate().isoformat()
    live_date = timezone.localdate(timezone.now() - timedelta(days=3)).isoformat()
    assert rows[0] == ["Kind", "Title", "Date", "Hours", "How"]
    assert rows[1:] == [
        ["Module", "Local diagnostics", today, "1.5", ""],
        ["Webinar", "Tiešraides vebinārs", live_date, "1", "attended live"],
        ["Webinar", "Collections webinar", today, "0.75", "followed the recording"],
        ["Modules in total", "", "", "1.5", ""],
        ["Webinars in total", "", "", "1.75", ""],
        ["Total", "", "", "3.25", ""],
    ]


def test_titles_follow_the_readers_language(record):
    rows = csv_rows(record.get("/lv/learning/record.csv"))
    titles = [row[1] for row in rows[1:4]]
    assert titles == ["Vietējā diagnostika", "Tiešraides vebinārs", "Krājuma vebinārs"]


def test_pdf_holds_the_learner_the_course_the_webinars_and_the_total(record):
    with translation.override("en"):
        url = reverse("learning:record_pdf")
    response = record.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Training record",
        "Anna Bērziņa",
        "Rīgas CB",
        "Local diagnostics",
        "Collections webinar",
        "Tiešraides vebinārs",
        "attended live",
        "Total hours: 3.25",
    ):
        assert expected in text


def test_an_unfinished_course_and_other_learners_stay_out(signed_in, anna, module):
    first = module["lv"]["lessons"][0]
    signed_in.post(f"/lv/learning/lessons/{first.pk}/complete/")
    boris = learner("boris@biblioteka.lv")
    Enrolment.objects.create(
        user=boris,
        course_key=module["lv"]["course"].translation_key,
        completed_at=timezone.now(),
    )
    WebinarAttendance.objects.create(
        user=boris,
        webinar_key=module["lv"]["course"].translation_key,
        how=WebinarAttendance.ATTENDED_LIVE,
        at=timezone.now(),
    )
    rows = csv_rows(signed_in.get("/en/learning/record.csv"))
    assert rows[1:] == [
        ["Modules in total", "", "", "0", ""],
        ["Webinars in total", "", "", "0", ""],
        ["Total", "", "", "0", ""],
    ]
    text = PdfReader(io.BytesIO(signed_in.get("/en/learning/record.pdf").content))
    assert "No completed modules yet." in text.pages[0].extract_text()


def test_the_record_is_for_signed_in_learners_and_read_only(client, signed_in):
    for url in ("/lv/learning/record.csv", "/lv/learning/record.pdf"):
        response = Client().get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert signed_in.post(url).status_code == 405


def test_the_dashboard_links_the_record(signed_in):
    page = signed_in.get("/en/learning/").content.decode()
    assert 'href="/en/learning/record.pdf"' in page
    assert 'href="/en/learning/record.csv"' in page


def test_the_data_download_holds_the_webinars(record, webinars):
    data = json.loads(record.get("/en/learning/my-data/").content)
    assert [
        (w["webinar"], w["how"], w["recorded_by_trainer"]) for w in data["webinars"]
    ] == [
        ("Tiešraides vebinārs", "live", True),
        ("Krājuma vebinārs", "recording", False),
    ]


def test_the_record_takes_the_same_queries_however_long_it_is(record, webinars):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert record.get("/en/learning/record.csv").status_code == 200
        return len(captured)

    before = queries()
    anna = WebinarAttendance.objects.first().user
    index = webinars["live"].get_parent()
    more = [resources.past_webinar(index, title=f"Vebinārs {n}") for n in range(3)]
    for webinar in more:
        record_live_attendance(webinar, [anna.email], trainer(f"t-{webinar.pk}"))
    assert len(csv_rows(record.get("/en/learning/record.csv"))) == 10
    assert queries() == before
