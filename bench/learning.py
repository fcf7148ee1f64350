"""Learner bench: lesson pages, completions and the trainer report at scale.

50 courses with 1,000 lessons and 20,000 learners with progress (quick: 5 courses,
100 lessons, 1,000 learners) in a PostgreSQL database of its own. Every learner
takes the first course, most one or two more, and most are part of the way
through. Timed in-process with DEBUG off; prints each figure beside its target.
Usage: python -m bench.learning full|quick [--profile]
"""

import cProfile
import os
import pstats
import random
import statistics
import sys
import time

PROFILES = {
    "full": {"courses": 50, "lessons": 1000, "learners": 20_000, "requests": 200},
    "quick": {"courses": 5, "lessons": 100, "learners": 1_000, "requests": 40},
}
# Another database name lets several people bench on one server side by side.
BENCH_DATABASE = os.environ.get("BENCH_DATABASE", "libri_bench_learning")
REPORT_REQUESTS = 10
CHUNK = 2_000  # learners whose rows are made and inserted at once
CHECK_EVERY = 2  # every other lesson ends with a knowledge check
QUESTIONS = 3  # in the factories' knowledge check
# Targets of issue 4, p50 in milliseconds.
LESSON_TARGET, COMPLETION_TARGET, REPORT_TARGET = 30, 15, 500


def build_courses(courses, lessons, rng):
    """The site, a catalogue and ``courses`` courses sharing ``lessons`` lessons.

    Returns [(course, [lesson, ...]), ...] in tree order.
    """
    from django.test import override_settings

    from bench.dataset import NO_BACKGROUND_TASKS, add_live_pages, paragraph
    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from tests.factories.courses import knowledge_check_value
    from tests.factories.pages import build_site

    with override_settings(TASKS=NO_BACKGROUND_TASKS):
        homes = build_site()
    [catalogue] = add_live_pages(homes["lv"], [CourseIndexPage(title="Mācību moduļi")])
    course_pages = add_live_pages(
        catalogue,
        [
            CoursePage(title=f"Modulis {number}", summary="Kopsavilkums.")
            for number in range(courses)
        ],
    )
    tree = []
    for number, course in enumerate(course_pages):
        pages = []
        for lesson_number in range(lessons // courses):
            body = [("paragraph", paragraph(rng)) for _ in range(3)]
            if lesson_number % CHECK_EVERY == 0:
                body.append(("knowledge_check", knowledge_check_value()))
            lesson = LessonPage(title=f"Nodarbība {number}.{lesson_number}")
            lesson.body = body
            pages.append(lesson)
        tree.append((course, add_live_pages(course, pages)))
    return tree


def courses_taken(rng, courses):
    """The course numbers one learner takes: the first, and most one or two more."""
    others = rng.choices((0, 1, 2, 4), weights=(35, 35, 25, 5))[0]
    return [0, *rng.sample(range(1, courses), min(others, courses - 1))]


def lessons_done(rng, lessons):
    """How far one learner got in a course: some finish, most are part way."""
    if rng.random() < 0.15:
        return lessons
    return rng.randint(0, lessons // 2)


def learner_rows(users, tree, rng, done_for):
    """Enrolments, completions and attempts (with their per-question answers)."""
    from django.utils import timezone

    from learning.models import CheckAttempt, Enrolment, LessonCompletion

    now = timezone.now()  # moved into the past with the other dates (spread_dates)
    enrolments, completions, attempts = [], [], []
    for user in users:
        for course_number, done in done_for(user):
            course, lessons = tree[course_number]
            enrolments.append(
                Enrolment(
                    user=user,
                    course_key=course.translation_key,
                    last_lesson_key=lessons[max(done - 1, 0)].translation_key,
                    completed_at=now if done == len(lessons) else None,
                )
            )
            for number, lesson in enumerate(lessons[:done]):
                completions.append(
                    LessonCompletion(
                        user=user,
                        course_key=course.translation_key,
                        lesson_key=lesson.translation_key,
                    )
                )
                if number % CHECK_EVERY:
                    continue
                # A failed try first now and then; the last try passes.
                for correct in ([1] if rng.random() < 0.3 else []) + [3]:
                    attempts.append(
                        CheckAttempt(
                            user=user,
                            course_key=course.translation_key,
                            lesson_key=lesson.translation_key,
                            check_id="bench",
                            check_number=1,
                            score=round(100 * correct / QUESTIONS),
                            correct=correct,
                            total=QUESTIONS,
                            passed=correct == QUESTIONS,
                        )
                    )
    return enrolments, completions, attempts


def insert_progress(users, tree, rng, done_for):
    from learning.models import (
        CheckAttempt,
        Enrolment,
        LessonCompletion,
        QuestionResponse,
    )

    enrolments, completions, attempts = learner_rows(users, tree, rng, done_for)
    Enrolment.objects.bulk_create(enrolments, batch_size=5_000)
    LessonCompletion.objects.bulk_create(completions, batch_size=5_000)
    CheckAttempt.objects.bulk_create(attempts, batch_size=5_000)
    QuestionResponse.objects.bulk_create(
        (
            QuestionResponse(
                attempt=attempt,
                question_id=f"q{number}",
                question_number=number,
                correct=number <= attempt.correct,
            )
            for attempt in attempts
            for number in range(1, QUESTIONS + 1)
        ),
        batch_size=5_000,
    )
    return len(enrolments), len(completions), len(attempts)


def make_users(start, stop, password):
    from django.contrib.auth import get_user_model

    from learning.models import LearnerProfile

    users = get_user_model().objects.bulk_create(
        get_user_model()(
            username=f"learner-{n}@bench.example.org",
            email=f"learner-{n}@bench.example.org",
            password=password,
        )
        for n in range(start, stop)
    )
    LearnerProfile.objects.bulk_create(
        LearnerProfile(user=user, organisation=f"Bibliotēka {user.pk % 40}")
        for user in users
    )
    return users


def build_learners(tree, learners, rng):
    """``learners`` learners with progress, learner 0 through every course.

    Returns (veteran, row counts).
    """
    from django.contrib.auth.hashers import make_password

    password = make_password("bench")
    courses, per_course = len(tree), len(tree[0][1])

    def spread(user):
        return [
            (number, lessons_done(rng, per_course))
            for number in courses_taken(rng, courses)
        ]

    def everything(user):
        return [(number, per_course) for number in range(courses)]

    users = make_users(0, 1, password)
    veteran = users[0]
    totals = insert_progress(users, tree, rng, everything)
    for start in range(1, learners, CHUNK):
        users = make_users(start, min(start + CHUNK, learners), password)
        counts = insert_progress(users, tree, rng, spread)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    spread_dates()
    return veteran, totals


def spread_dates():
    """Enrolled over half a year, active since: as auto_now_add cannot say."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE learning_enrolment SET enrolled_at = now() - random() * "
            "interval '180 days'"
        )
        cursor.execute(
            "UPDATE learning_enrolment SET last_activity_at = enrolled_at + "
            "random() * (now() - enrolled_at)"
        )
        cursor.execute(
            "UPDATE learning_enrolment SET completed_at = last_activity_at "
            "WHERE completed_at IS NOT NULL"
        )
        cursor.execute("ANALYZE")


def time_completions(client, lessons):
    """p50 and p95 of recording each lesson's completion, and one POST's queries."""
    from django.db import connection
    from django.urls import reverse
    from django.utils import translation

    with translation.override("lv"):
        urls = [reverse("learning:complete_lesson", args=[page.pk]) for page in lessons]
    # Counted as they run: the query log that CaptureQueriesContext reads can be
    # emptied when a request starts, and read 0 here.
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.post(urls[0])
    if response.status_code != 302:
        raise RuntimeError(f"completion answered {response.status_code}")
    timings = []
    for url in urls[1:]:
        start = time.perf_counter()
        response = client.post(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 302:
            raise RuntimeError(f"completion answered {response.status_code}")
    quantiles = statistics.quantiles(timings, n=100)
    return {"queries": len(queries), "p50": quantiles[49], "p95": quantiles[94]}


def profile_request(client, url):
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    print(f"\nProfile of GET {url}:")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def measure(tree, veteran, requests, profile):
    """{label: figures} for the lesson page, a completion and the report."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from bench.run import measure as measure_get
    from learning.models import Enrolment

    warmup = max(requests // 10, 3)
    course, lessons = tree[0]
    lesson_url = lessons[CHECK_EVERY].url  # one with a knowledge check
    figures = {}
    for label, user in (
        ("long history", veteran),
        ("new", get_user_model().objects.create_user("new@bench.example.org")),
    ):
        client = Client()
        client.force_login(user)
        figures[label] = measure_get(client, lesson_url, requests, warmup)
    if profile:
        profile_request(client, lesson_url)

    client = Client()
    client.force_login(get_user_model().objects.create_user("fresh@bench.example.org"))
    fresh = [lesson for _course, pages in tree[1:] for lesson in pages]
    figures["completion"] = time_completions(client, fresh[: requests + 1])

    learners = Enrolment.objects.filter(course_key=course.translation_key).count()
    client = Client()
    client.force_login(
        get_user_model().objects.create_superuser("trainer@bench.example.org")
    )
    report_url = f"/admin/learning/reports/{course.pk}/"
    figures["report"] = measure_get(client, report_url, REPORT_REQUESTS, 2)
    figures["csv"] = measure_get(client, report_url + "csv/", REPORT_REQUESTS, 2)
    if profile:
        profile_request(client, report_url)
    return figures, learners


def print_figures(figures, learners):
    from bench.run import print_table, verdict

    rows = [
        ("lesson page, learner with a long history", "long history", LESSON_TARGET),
        ("lesson page, new learner", "new", LESSON_TARGET),
        ("recording a completion (POST)", "completion", COMPLETION_TARGET),
        (f"trainer report, {learners:,} learners", "report", REPORT_TARGET),
        (f"trainer report CSV, {learners:,} rows", "csv", REPORT_TARGET),
    ]
    lines = [
        [
            label,
            str(figures[key]["queries"]),
            f"{figures[key]['p50']:.2f}",
            f"{figures[key]['p95']:.2f}",
            f"< {target} ms",
            verdict(figures[key]["p50"], target),
        ]
        for label, key, target in rows
    ]
    print_table(["measure", "queries", "p50 ms", "p95 ms", "p50 target", ""], lines)
    same = figures["long history"]["queries"] == figures["new"]["queries"]
    print(
        "\nLesson page queries independent of the learner's history: "
        f"{'pass' if same else 'MISS'}"
    )


def main(profile_name, profile=False):
    from bench.run import recreate_database, setup_django

    settings = PROFILES[profile_name]
    setup_django(BENCH_DATABASE)
    from django.core.cache import cache

    started = time.perf_counter()
    recreate_database(BENCH_DATABASE)
    rng = random.Random(1)
    tree = build_courses(settings["courses"], settings["lessons"], rng)
    veteran, (enrolments, completions, attempts) = build_learners(
        tree, settings["learners"], rng
    )
    cache.clear()
    print(
        f"\nLIBRI learner bench, profile {profile_name}: {len(tree)} courses, "
        f"{sum(len(pages) for _c, pages in tree):,} lessons, "
        f"{settings['learners']:,} learners with {enrolments:,} enrolments, "
        f"{completions:,} completed lessons and {attempts:,} check attempts; "
        f"built in {time.perf_counter() - started:.0f} s; DEBUG off, in-process, "
        f"{settings['requests']} timed requests per row ({REPORT_REQUESTS} for "
        "the report).\n"
    )
    figures, learners = measure(tree, veteran, settings["requests"], profile)
    print_figures(figures, learners)
    print(f"\nTotal {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "full", "--profile" in sys.argv)
