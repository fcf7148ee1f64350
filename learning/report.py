"""Trainers' view of a course: uptake, completion, question success, stuck learners.

Every figure is one aggregate query, so the number of queries does not grow with
the number of learners.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone

from courses.models import CoursePage, LessonPage

from .dashboard import in_reader_language
from .models import Enrolment, LearnerProfile, LessonCompletion, QuestionResponse

STUCK_SHOWN = 100
LEARNERS_SHOWN = 50


@dataclass
class QuestionRate:
    """How often one question of a lesson's check was answered right."""

    lesson: str
    question: str
    answered: int
    right: int

    @property
    def rate(self):
        return round(100 * self.right / self.answered) if self.answered else 0


@dataclass
class CourseReport:
    """The figures for one course, under the chosen filters."""

    course: CoursePage
    enrolled: int = 0
    completed: int = 0
    median_days: float | None = None
    lessons: list = field(default_factory=list)  # (title, completions)
    questions: list = field(default_factory=list)  # QuestionRate
    stuck: list = field(default_factory=list)  # Enrolment, with .last_lesson_title
    stuck_count: int = 0
    stuck_after_days: int = 0

    @property
    def completion_rate(self):
        return round(100 * self.completed / self.enrolled) if self.enrolled else 0


class MedianDays(Aggregate):
    """The median of a duration, in days (PostgreSQL's percentile_cont).

    NULL durations are left out, as statistics.median would never see them.
    """

    function = "PERCENTILE_CONT"
    template = (
        "%(function)s(0.5) WITHIN GROUP "
        "(ORDER BY EXTRACT(EPOCH FROM %(expressions)s) / 86400)"
    )
    output_field = FloatField()


class IsoFormat(Func):
    """A timestamp as ``datetime.isoformat()`` writes it in UTC, by PostgreSQL.

    Reading 60,000 timestamps into Python only to write them out again took
    most of the CSV's time. As isoformat(), no fraction where it is zero.
    """

    template = (
        "TO_CHAR(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
        " || CASE TO_CHAR(%(expressions)s, 'US') WHEN '000000' THEN ''"
        " ELSE TO_CHAR(%(expressions)s, '.US') END || '+00:00'"
    )
    output_field = CharField()


def report_courses():
    """One version of every course, in the trainer's language where it exists."""
    pages = CoursePage.objects.select_related("locale").only(
        "id", "title", "translation_key", "locale", "path", "depth"
    )
    return sorted(in_reader_language(pages).values(), key=lambda page: page.title)


def organisations():
    """The organisations learners have named, for the filter."""
    return list(
        LearnerProfile.objects.exclude(organisation="")
        .order_by("organisation")
        .values_list("organisation", flat=True)
        .distinct()
    )


def filtered_enrolments(course_key, organisation="", since=None, until=None):
    """The course's enrolments, by the learners' organisation and enrolment date."""
    enrolments = Enrolment.objects.filter(course_key=course_key)
    if organisation:
        enrolments = enrolments.filter(user__learner_profile__organisation=organisation)
    if since:
        enrolments = enrolments.filter(enrolled_at__date__gte=since)
    if until:
        enrolments = enrolments.filter(enrolled_at__date__lte=until)
    return enrolments


def lesson_texts(course):
    """{lesson key: title} and {(lesson key, check, question number): texts}."""
    titles, questions = {}, {}
    for lesson in LessonPage.objects.child_of(course).order_by("path"):
        titles[lesson.translation_key] = lesson.title
        checks = lesson.knowledge_checks().values()
        for check_number, check in enumerate(checks, start=1):
            blocks = check["questions"].bound_blocks
            for number, question in enumerate(blocks, start=1):
                key = (lesson.translation_key, check_number, number)
                questions[key] = (lesson.title, question.value["text"])
    return titles, questions


def course_report(course, enrolments, stuck_after_days=None):
    """The report for ``course`` over ``enrolments`` (see filtered_enrolments)."""
    stuck_after_days = stuck_after_days or settings.LEARNING_STUCK_AFTER_DAYS
    report = CourseReport(course=course, stuck_after_days=stuck_after_days)
    totals = enrolments.aggregate(
        enrolled=Count("id"),
        completed=Count("id", filter=Q(completed_at__isnull=False)),
        median_days=MedianDays(F("completed_at") - F("enrolled_at")),
    )
    report.enrolled, report.completed = totals["enrolled"], totals["completed"]
    median = totals["median_days"]
    report.median_days = None if median is None else round(median, 1)
    titles, question_texts = lesson_texts(course)
    learners = enrolments.values("user_id")
    completions = dict(
        LessonCompletion.objects.filter(
            course_key=course.translation_key, user_id__in=learners
        )
        .values("lesson_key")
        .annotate(n=Count("id"))
        .values_list("lesson_key", "n")
    )
    report.lessons = [(title, completions.get(key, 0)) for key, title in titles.items()]
    rates = (
        QuestionResponse.objects.filter(
            attempt__course_key=course.translation_key, attempt__user_id__in=learners
        )
        .values("attempt__lesson_key", "attempt__check_number", "question_number")
        .annotate(answered=Count("id"), right=Count("id", filter=Q(correct=True)))
    )
    by_question = {
        (
            row["attempt__lesson_key"],
            row["attempt__check_number"],
            row["question_number"],
        ): row
        for row in rates
    }
    report.questions = [
        QuestionRate(
            lesson=lesson,
            question=text,
            answered=by_question.get(key, {}).get("answered", 0),
            right=by_question.get(key, {}).get("right", 0),
        )
        for key, (lesson, text) in question_texts.items()
    ]
    stuck = enrolments.filter(
        completed_at__isnull=True,
        user__isnull=False,
        last_activity_at__lt=timezone.now() - timedelta(days=stuck_after_days),
    )
    report.stuck_count = stuck.count()
    report.stuck = list(
        stuck.select_related("user", "user__learner_profile").order_by(
            "last_activity_at"
        )[:STUCK_SHOWN]
    )
    for enrolment in report.stuck:
        enrolment.last_lesson_title = titles.get(enrolment.last_lesson_key, "")
    return report


def recent_learners(course_key, enrolments):
    """The learners active most recently, for the report page (the CSV has all).

    Their lessons are counted after the page of learners is chosen, so the count
    runs for the rows shown, not for every learner of the course.
    """
    shown = list(
        enrolments.filter(user__isnull=False)
        .select_related("user", "user__learner_profile")
        .order_by("-last_activity_at")[:LEARNERS_SHOWN]
    )
    lessons_done = dict(
        LessonCompletion.objects.filter(
            course_key=course_key, user_id__in=[e.user_id for e in shown]
        )
        .values("user_id")
        .annotate(n=Count("id"))
        .values_list("user_id", "n")
    )
    for enrolment in shown:
        enrolment.lessons_done = lessons_done.get(enrolment.user_id, 0)
    return shown


def learner_rows(course_key, enrolments):
    """One row per learner for the CSV export, in one query.

    Plain values rather than model instances: building 20,000 enrolments, users
    and profiles took most of a second, the query a tenth of that.
    """
    lessons_done = (
        LessonCompletion.objects.filter(
            course_key=course_key, user_id=OuterRef("user_id")
        )
        .values("user_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    rows = (
        enrolments.annotate(
            lessons_done=Subquery(lessons_done, output_field=IntegerField()),
            enrolled=IsoFormat("enrolled_at"),
            active=IsoFormat("last_activity_at"),
            completed=IsoFormat("completed_at"),
        )
        .order_by("enrolled_at")
        .values_list(
            "user__email",
            "user__learner_profile__organisation",
            "enrolled",
            "active",
            "completed",
            "lessons_done",
        )
    )
    for email, organisation, enrolled, active, completed, done in rows.iterator(
        chunk_size=2000
    ):
        yield [
            email or "",
            organisation or "",
            enrolled,
            active,
            completed or "",
            done or 0,
        ]
