"""Recording and reading a learner's progress through a course, in any language."""

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from courses.models import LessonPage

from .certificates import issue_certificate
from .models import CheckAttempt, Enrolment, QuestionResponse


class ProgressRefused(Exception):
    """A progress request that changes nothing; ``reason`` and ``status`` say why."""

    def __init__(self, reason, status=400):
        super().__init__(str(reason))
        self.reason = reason
        self.status = status


# The ids and translation keys of a course's live, public lessons, given the
# course's path: its children (their paths start with it, one step deeper) under
# no view restriction, on them or above them. Wagtail's paths are digits and
# capitals, so they need no escaping in LIKE.
REQUIRED_LESSONS = """
    SELECT lesson.id, lesson.translation_key
    FROM wagtailcore_page lesson
    JOIN courses_lessonpage ON courses_lessonpage.page_ptr_id = lesson.id
    WHERE lesson.path LIKE %s AND lesson.depth = %s AND lesson.live
    AND NOT EXISTS (
        SELECT FROM wagtailcore_pageviewrestriction restriction
        JOIN wagtailcore_page restricted ON restricted.id = restriction.page_id
        WHERE lesson.path LIKE restricted.path || '%%'
    )
"""


# Whether a lesson is left that the learner has not completed.
LESSONS_LEFT = f"""
    SELECT EXISTS (
        SELECT FROM ({REQUIRED_LESSONS}) lesson
        WHERE NOT EXISTS (
            SELECT FROM learning_lessoncompletion completion
            WHERE completion.user_id = %s
            AND completion.lesson_key = lesson.translation_key
        )
    )
"""  # noqa: S608 - a constant built from constants
REQUIRED_LESSON_IDS = f"SELECT id FROM ({REQUIRED_LESSONS}) lesson"  # noqa: S608


def required_lessons_params(course_path):
    """REQUIRED_LESSONS' parameters for the course at ``course_path``."""
    return [course_path + "%", len(course_path) // Page.steplen + 1]


def lessons_left(user, course_path):
    """Whether a live, public lesson of the course is not completed yet: one query.

    Plain SQL because Django took longer to build this query than PostgreSQL
    to answer it, on every completion.
    """
    with connection.cursor() as cursor:
        cursor.execute(LESSONS_LEFT, [*required_lessons_params(course_path), user.pk])
        return cursor.fetchone()[0]


def enrol(user, course):
    """Enrol ``user`` in ``course``; ProgressRefused if they already are."""
    try:
        with transaction.atomic():
            return Enrolment.objects.create(
                user=user, course_key=course.translation_key
            )
    except IntegrityError as error:
        raise ProgressRefused(
            _("You are already enrolled in this course."), status=409
        ) from error


def enrolment_for(user, course):
    """The learner's enrolment in ``course``, made on their first progress."""
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user, course_key=course.translation_key
    )
    enrolment.user = user  # a found row knows only user_id: spare the query
    return enrolment


def complete_lesson(user, lesson):
    """Record ``lesson`` as completed; ProgressRefused if it already was.

    Most completions leave a lesson to do, which two queries say without reading
    the course; only the last one reads the course and its checks.
    """
    enrolment = add_completion(user, lesson)
    if enrolment is None:
        raise ProgressRefused(_("You have already completed this lesson."), status=409)
    # A statement of its own, after the completion's: it sees another completion
    # the learner made at the same moment, or that one's check sees this one.
    if enrolment.completed_at is None and not lessons_left(user, course_path(lesson)):
        course = lesson.course
        if checks_passed(user, course):
            complete_course(enrolment, course)
    return enrolment


def course_path(lesson):
    """The path of the lesson's course, its parent."""
    return lesson.path[: -lesson.steplen]


# The lesson's completion, and the learner's enrolment in its course (the
# lesson's parent) with this lesson as their latest activity, made if it is
# their first progress: one statement, so both rows or neither without a
# transaction. Nothing for a second completion; creating the row and catching
# the IntegrityError would need a savepoint around it.
ADD_COMPLETION = """
    WITH course AS (
        SELECT translation_key FROM wagtailcore_page WHERE path = %(course_path)s
    ), completion AS (
        INSERT INTO learning_lessoncompletion
            (user_id, course_key, lesson_key, completed_at)
        SELECT %(user)s, translation_key, %(lesson)s, %(now)s FROM course
        ON CONFLICT (user_id, lesson_key) DO NOTHING
        RETURNING course_key
    )
    INSERT INTO learning_enrolment
        (user_id, course_key, enrolled_at, last_activity_at, last_lesson_key)
    SELECT %(user)s, course_key, %(now)s, %(now)s, %(lesson)s FROM completion
    ON CONFLICT (user_id, course_key) DO UPDATE
    SET last_activity_at = EXCLUDED.last_activity_at,
        last_lesson_key = EXCLUDED.last_lesson_key
    RETURNING id, course_key, completed_at
"""


def add_completion(user, lesson):
    """Keep the lesson's completion and touch the enrolment; the enrolment, or
    None if the learner had completed the lesson already."""
    with connection.cursor() as cursor:
        cursor.execute(
            ADD_COMPLETION,
            {
                "course_path": course_path(lesson),
                "user": user.pk,
                "lesson": lesson.translation_key,
                "now": timezone.now(),
            },
        )
        row = cursor.fetchone()
    if row is None:
        return None
    pk, course_key, completed_at = row
    return Enrolment(
        pk=pk,
        user=user,
        course_key=course_key,
        last_lesson_key=lesson.translation_key,
        completed_at=completed_at,
    )


def record_attempt(user, lesson, check_id, answers, result, *, nonce=""):
    """Keep a scored attempt at one of the lesson's checks, then re-check the course.

    ``nonce`` is the answer form's one-time token (learning/attempt_tokens.py):
    ProgressRefused (409) and nothing kept if an attempt was made with it already.
    """
    course = lesson.course
    enrolment = enrolment_for(user, course)
    try:
        with transaction.atomic():
            attempt = create_attempt(user, lesson, check_id, answers, result, nonce)
    except IntegrityError as error:
        raise ProgressRefused(
            _("This answer was already submitted; reload the lesson to try again."),
            status=409,
        ) from error
    touch(enrolment, lesson)
    update_course_completion(enrolment, course)
    return attempt


def create_attempt(user, lesson, check_id, answers, result, nonce):
    """The attempt row and a response per question; IntegrityError for a used nonce."""
    course = lesson.course
    attempt = CheckAttempt.objects.create(
        user=user,
        course_key=course.translation_key,
        lesson_key=lesson.translation_key,
        check_id=check_id,
        check_number=list(lesson.knowledge_checks()).index(check_id) + 1,
        score=result.score,
        correct=result.correct,
        total=result.total,
        passed=result.passed(course.pass_mark),
        answers=answers,
        nonce=nonce,
    )
    QuestionResponse.objects.bulk_create(
        QuestionResponse(
            attempt=attempt,
            question_id=question_id,
            question_number=number,
            correct=question.correct,
        )
        for number, (question_id, question) in enumerate(
            result.questions.items(), start=1
        )
    )
    return attempt


def touch(enrolment, lesson):
    """Note the learner's latest activity and the lesson it was in."""
    enrolment.last_activity_at = timezone.now()
    enrolment.last_lesson_key = lesson.translation_key
    enrolment.save(update_fields=["last_activity_at", "last_lesson_key"])


def passed_checks(user, lesson_keys, pass_mark):
    """{(lesson key, check number)} the learner passed at ``pass_mark`` percent."""
    return set(
        CheckAttempt.objects.filter(user=user, lesson_key__in=lesson_keys)
        .alias(hundred_times_correct=F("correct") * 100)
        .filter(total__gt=0, hundred_times_correct__gte=F("total") * pass_mark)
        .values_list("lesson_key", "check_number")
    )


def course_is_complete(user, course):
    """Every live, public lesson completed and every knowledge check in it passed."""
    return not lessons_left(user, course.path) and checks_passed(user, course)


def checks_passed(user, course):
    """Whether the learner passed every knowledge check in the course's live,
    public lessons, of which there must be one at least.

    Lesson bodies, the costly part, are read only here, once every lesson is done.
    """
    required = RawSQL(REQUIRED_LESSON_IDS, required_lessons_params(course.path))  # noqa: S611
    lessons = list(
        LessonPage.objects.filter(pk__in=required).only("id", "translation_key", "body")
    )
    if not lessons:
        return False
    passed = passed_checks(
        user, [lesson.translation_key for lesson in lessons], course.pass_mark
    )
    return all(
        (lesson.translation_key, number) in passed
        for lesson in lessons
        for number in range(1, len(lesson.knowledge_checks()) + 1)
    )


def update_course_completion(enrolment, course):
    """Complete the course if it is complete and was not already."""
    if not enrolment.completed_at and course_is_complete(enrolment.user, course):
        complete_course(enrolment, course)


def complete_course(enrolment, course):
    """Record the course's completion date and issue its certificate, both once."""
    with transaction.atomic():
        first = Enrolment.objects.filter(
            pk=enrolment.pk, completed_at__isnull=True
        ).update(completed_at=timezone.now())
        if first:
            issue_certificate(enrolment.user, course)
    enrolment.refresh_from_db(fields=["completed_at"])


def best_scores(user, lesson):
    """{check number: best score} of the learner's attempts in this lesson."""
    return dict(
        CheckAttempt.objects.filter(user=user, lesson_key=lesson.translation_key)
        .values("check_number")
        .annotate(best=Max("score"))
        .order_by("check_number")
        .values_list("check_number", "best")
    )
