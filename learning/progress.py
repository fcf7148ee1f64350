"""Recording and reading a learner's progress through a course, in any language."""

from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, F, Max, OuterRef
from django.db.models.lookups import StartsWith
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import PageViewRestriction

from courses.models import LessonPage

from .certificates import issue_certificate
from .models import CheckAttempt, Enrolment, LessonCompletion, QuestionResponse


class ProgressRefused(Exception):
    """A progress request that changes nothing; ``reason`` and ``status`` say why."""

    def __init__(self, reason, status=400):
        super().__init__(str(reason))
        self.reason = reason
        self.status = status


def live_lessons(course):
    """The course's live, public lessons in tree order.

    Public as Wagtail's ``public()`` says (no restriction on the lesson or above
    it), but within the one query: ``public()`` reads every restriction first.
    """
    restricted = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    return LessonPage.objects.child_of(course).live().exclude(Exists(restricted))


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
    """Record ``lesson`` as completed; ProgressRefused if it already was."""
    course = lesson.course
    # One transaction: both rows or neither, and one commit to wait for.
    with transaction.atomic():
        if not add_completion(user, course, lesson):
            raise ProgressRefused(
                _("You have already completed this lesson."), status=409
            )
        enrolment = touched_enrolment(user, course, lesson)
    update_course_completion(enrolment, course)
    return enrolment


def add_completion(user, course, lesson):
    """Keep the lesson's completion; False if the learner had completed it.

    One statement that does nothing for a second completion: creating the row
    and catching the IntegrityError would need a savepoint around it.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO learning_lessoncompletion"
            " (user_id, course_key, lesson_key, completed_at)"
            " VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (user_id, lesson_key) DO NOTHING RETURNING id",
            [user.pk, course.translation_key, lesson.translation_key, timezone.now()],
        )
        return cursor.fetchone() is not None


def touched_enrolment(user, course, lesson):
    """The learner's enrolment with this lesson as their latest activity, made
    if it is their first progress in the course: one query.

    Its ``completed_at`` is not read (None): update_course_completion then checks
    the course, and completes it only where it was not complete already.
    """
    [enrolment] = Enrolment.objects.bulk_create(
        [
            Enrolment(
                user=user,
                course_key=course.translation_key,
                last_lesson_key=lesson.translation_key,
            )
        ],
        update_conflicts=True,
        unique_fields=["user", "course_key"],
        update_fields=["last_activity_at", "last_lesson_key"],
    )
    return enrolment


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
    """Every live lesson completed and every knowledge check in it passed.

    One query says whether a lesson is left, as it is for almost every completion;
    lesson bodies, the costly part, are read only once every lesson is done.
    """
    lessons = live_lessons(course)
    completed = LessonCompletion.objects.filter(
        user=user, lesson_key=OuterRef("translation_key")
    )
    if lessons.exclude(Exists(completed)).exists():
        return False
    lessons = list(lessons.only("id", "translation_key", "body"))
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
    """Record the course's completion date and issue its certificate, both once."""
    if enrolment.completed_at or not course_is_complete(enrolment.user, course):
        return
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
