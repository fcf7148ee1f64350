"""Pages a learner reads: query counts independent of their history."""

import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.models import CheckAttempt, Enrolment, LessonCompletion
from tests.factories.learning import learner
from tests.learning.conftest import answer


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def warm(client, *urls):
    """View once: site settings, flash messages and session writes settle."""
    for url in urls:
        client.get(url)


def long_history(user, courses=30, lessons=10):
    """Enrolments, completions and attempts in many other courses."""
    for _ in range(courses):
        course_key = uuid.uuid4()
        Enrolment.objects.create(user=user, course_key=course_key)
        for _ in range(lessons):
            lesson_key = uuid.uuid4()
            LessonCompletion.objects.create(
                user=user, course_key=course_key, lesson_key=lesson_key
            )
            CheckAttempt.objects.create(
                user=user,
                course_key=course_key,
                lesson_key=lesson_key,
                check_id="c",
                check_number=1,
                score=50,
                correct=1,
                total=2,
                passed=False,
            )


def test_lesson_and_course_pages_cost_the_same_whatever_the_history(
    client, module, django_assert_max_num_queries
):
    lesson_page = module["lv"]["lessons"][0]
    course_page = module["lv"]["course"]
    newcomer, veteran = learner("jauna@example.org"), learner("veca@example.org")
    long_history(veteran)
    client.force_login(veteran)
    for _ in range(5):
        answer(client, lesson_page, False)
    warm(client, lesson_page.url, course_page.url)
    veteran_counts = (
        queries_for(client, lesson_page.url),
        queries_for(client, course_page.url),
    )
    client.force_login(newcomer)
    client.post(f"/lv/learning/courses/{course_page.pk}/enrol/")
    warm(client, lesson_page.url, course_page.url)
    newcomer_counts = (
        queries_for(client, lesson_page.url),
        queries_for(client, course_page.url),
    )
    assert veteran_counts == newcomer_counts
    with django_assert_max_num_queries(24):
        client.get(lesson_page.url)


def test_dashboard_costs_the_same_for_one_course_or_two(
    client, anna, module, django_assert_max_num_queries
):
    client.force_login(anna)
    client.post(f"/lv/learning/courses/{module['lv']['course'].pk}/enrol/")
    client.get("/lv/learning/")  # warm the site settings and caches
    one = queries_for(client, "/lv/learning/")
    long_history(anna, courses=20, lessons=3)
    warm(client, "/lv/learning/")
    assert queries_for(client, "/lv/learning/") == one
    with django_assert_max_num_queries(18):
        response = client.get("/en/learning/")
    html = response.content.decode()
    assert "Local diagnostics" in html
    assert '<progress id="progress-' in html
    assert "0 of 2 lessons complete" in html


def test_dashboard_lists_completed_courses_with_dates(client, anna, module):
    client.force_login(anna)
    first, second = module["lv"]["lessons"]
    client.post(f"/lv/learning/lessons/{first.pk}/complete/")
    client.post(f"/lv/learning/lessons/{second.pk}/complete/")
    answer(client, first, True)
    html = client.get("/lv/learning/").content.decode()
    completed = html.split('id="completed-heading"')[1]
    assert module["lv"]["course"].title in completed


def test_dashboard_needs_an_account(client, site):
    response = client.get("/lv/learning/")
    assert response.status_code == 302
    assert response["Location"].startswith("/lv/accounts/login/?next=")
