"""The trainers' report in the admin: figures, filters, CSV, constant queries."""

import csv
import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from learning.models import Enrolment
from learning.progress import complete_lesson, record_attempt
from tests.factories.learning import learner


@pytest.fixture
def trainer(client, db):
    group, _created = Group.objects.get_or_create(name="Trainers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_learning_report"),
    )
    user = get_user_model().objects.create_user("trainer", "t@example.org", "x")
    user.groups.add(group)
    client.force_login(user)
    return client


def score_check(lesson_page, right):
    """A CheckResult as the lesson scores it, right or wrong throughout."""
    from courses.scoring import score
    from tests.learning.conftest import answer_form

    data = answer_form(lesson_page, right)
    check_id = data.pop("check")
    answers = {key.removeprefix("q-"): value for key, value in data.items()}
    return check_id, answers, score(lesson_page.knowledge_checks()[check_id], answers)


def learners_with_progress(module, count, organisation="Rīgas CB", start=0):
    """``count`` learners: each completes lesson one; every other passes all."""
    first, second = module["lv"]["lessons"]
    for i in range(start, start + count):
        user = learner(f"l{i}@example.org", organisation=organisation)
        complete_lesson(user, first)
        record_attempt(user, first, *score_check(first, right=i % 2 == 0))
        if i % 2 == 0:
            complete_lesson(user, second)


def report_url(module):
    return f"/admin/learning/reports/{module['lv']['course'].pk}/"


def test_report_shows_the_figures(trainer, module):
    learners_with_progress(module, 4)
    learners_with_progress(module, 2, organisation="Valmiera", start=10)
    stuck = Enrolment.objects.get(user__email="l1@example.org")
    Enrolment.objects.filter(pk=stuck.pk).update(
        last_activity_at=timezone.now() - timedelta(days=30)
    )
    response = trainer.get(report_url(module))
    assert response.status_code == 200
    report = response.context["report"]
    assert (report.enrolled, report.completed, report.completion_rate) == (6, 3, 50)
    assert report.median_days is not None
    assert {q.question: q.rate for q in report.questions} == {
        "Ar ko sākas diagnostika?": 50,
        "Kuras ir datu ieguves metodes?": 50,
        "Pārskats ir stratēģijas pamats.": 50,
    }
    assert report.lessons == [("Diagnostikas pārskats", 6), ("Datu avoti", 3)]
    assert [e.user.email for e in report.stuck] == ["l1@example.org"]
    assert report.stuck[0].last_lesson_title == "Diagnostikas pārskats"
    filtered = trainer.get(report_url(module), {"organisation": "Valmiera"})
    assert filtered.context["report"].enrolled == 2
    # Dates are the site's (Europe/Riga): after 22:00 UTC, Riga has tomorrow's.
    later = trainer.get(
        report_url(module), {"since": timezone.localdate() + timedelta(days=1)}
    )
    assert later.context["report"].enrolled == 0


def test_median_time_to_complete_counts_the_learners_who_completed(trainer, module):
    enrolled = timezone.now() - timedelta(days=30)
    for number, days in enumerate([10, 1, None, 4.5, 2.5]):
        enrolment = Enrolment.objects.create(
            user=learner(f"m{number}@example.org"),
            course_key=module["lv"]["course"].translation_key,
        )
        completed = enrolled + timedelta(days=days) if days is not None else None
        Enrolment.objects.filter(pk=enrolment.pk).update(
            enrolled_at=enrolled, completed_at=completed
        )
    report = trainer.get(report_url(module)).context["report"]
    assert (report.enrolled, report.completed, report.median_days) == (5, 4, 3.5)
    # An odd count has a middle learner.
    Enrolment.objects.filter(user__email="m0@example.org").delete()
    assert trainer.get(report_url(module)).context["report"].median_days == 2.5


def test_csv_lists_the_filtered_learners(trainer, module):
    learners_with_progress(module, 2)
    learners_with_progress(module, 1, organisation="Valmiera", start=5)
    response = trainer.get(report_url(module) + "csv/", {"organisation": "Rīgas CB"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows[0]) == 6  # the header, in the trainer's admin language
    assert sorted(row[0] for row in rows[1:]) == ["l0@example.org", "l1@example.org"]
    assert {row[5] for row in rows[1:]} == {"1", "2"}


def test_csv_dates_read_as_isoformat_writes_them(trainer, module):
    course_key = module["lv"]["course"].translation_key
    whole_second = timezone.now().replace(microsecond=0) - timedelta(days=3)
    fraction = whole_second.replace(microsecond=40)
    for number, (enrolled, completed) in enumerate(
        [(whole_second, fraction), (fraction, None)]
    ):
        enrolment = Enrolment.objects.create(
            user=learner(f"d{number}@example.org"), course_key=course_key
        )
        Enrolment.objects.filter(pk=enrolment.pk).update(
            enrolled_at=enrolled, last_activity_at=enrolled, completed_at=completed
        )
    response = trainer.get(report_url(module) + "csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode())))[1:]
    expected = [
        [
            enrolment.enrolled_at.isoformat(),
            enrolment.last_activity_at.isoformat(),
            enrolment.completed_at.isoformat() if enrolment.completed_at else "",
        ]
        for enrolment in Enrolment.objects.order_by("enrolled_at")
    ]
    assert [row[2:5] for row in rows] == expected
    assert "." not in rows[0][2]
    assert rows[1][2].endswith(".000040+00:00")


def test_report_lists_the_learners_active_most_recently(trainer, module, monkeypatch):
    monkeypatch.setattr("learning.report.LEARNERS_SHOWN", 2)
    learners_with_progress(module, 3)
    learners_with_progress(module, 1, organisation="Valmiera", start=5)
    Enrolment.objects.filter(user__email="l1@example.org").update(
        last_activity_at=timezone.now() + timedelta(minutes=1)
    )
    response = trainer.get(report_url(module), {"organisation": "Rīgas CB"})
    learners = response.context["learners"]
    assert [e.user.email for e in learners] == ["l1@example.org", "l2@example.org"]
    assert [e.lessons_done for e in learners] == [1, 2]
    html = response.content.decode()
    assert "l1@example.org" in html
    assert "l0@example.org" not in html  # beyond the two shown
    assert "l5@example.org" not in html  # another organisation


def test_report_queries_do_not_grow_with_learners(trainer, module):
    learners_with_progress(module, 2)
    trainer.get(report_url(module))
    with CaptureQueriesContext(connection) as few:
        trainer.get(report_url(module))
        trainer.get(report_url(module) + "csv/")
    learners_with_progress(module, 8, start=10)
    with CaptureQueriesContext(connection) as many:
        trainer.get(report_url(module))
        trainer.get(report_url(module) + "csv/")
    assert len(many) == len(few)


def test_report_is_for_trainers_only(client, module):
    staff = get_user_model().objects.create_user("editor", "e@example.org", "x")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    refused = client.get(report_url(module))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert "/admin/learning/reports/" not in client.get("/admin/").content.decode()
    client.force_login(learner("l@example.org"))
    assert client.get(report_url(module)).status_code in (302, 403)


def test_menu_item_and_course_list_for_trainers(trainer, module):
    assert "/admin/learning/reports/" in trainer.get("/admin/").content.decode()
    listing = trainer.get("/admin/learning/reports/").content.decode()
    assert report_url(module) in listing
