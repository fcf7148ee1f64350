"""Everything the platform holds about one learner, as plain data for JSON."""

from courses.models import CoursePage, LessonPage
from resources.models import WebinarPage

from .models import (
    Certificate,
    CheckAttempt,
    Enrolment,
    LearnerProfile,
    LessonCompletion,
    WebinarAttendance,
)


def titles(model, keys):
    """{translation key: title} of one language version of each page."""
    found = {}
    pages = model.objects.filter(translation_key__in=set(keys)).order_by("locale_id")
    for key, title in pages.values_list("translation_key", "title"):
        found.setdefault(key, title)
    return found


def learner_data(user):
    """The account, profile, enrolments, lessons, every attempt, webinars followed
    and certificates."""
    profile = LearnerProfile.objects.filter(user=user).first()
    enrolments = list(Enrolment.objects.filter(user=user).order_by("enrolled_at"))
    completions = list(
        LessonCompletion.objects.filter(user=user).order_by("completed_at")
    )
    attempts = list(CheckAttempt.objects.filter(user=user).order_by("created_at"))
    webinars = list(WebinarAttendance.objects.filter(user=user).order_by("at"))
    webinar_titles = titles(WebinarPage, [w.webinar_key for w in webinars])
    course_titles = titles(CoursePage, [e.course_key for e in enrolments])
    lesson_keys = [c.lesson_key for c in completions]
    lesson_titles = titles(LessonPage, lesson_keys + [a.lesson_key for a in attempts])
    return {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": list(
                user.emailaddress_set.values("email", "verified", "primary")
            ),
        },
        "profile": {
            "preferred_language": profile.preferred_language if profile else None,
            "organisation": profile.organisation if profile else "",
            "full_name": profile.full_name if profile else "",
        },
        "enrolments": [
            {
                "course": course_titles.get(e.course_key, ""),
                "course_key": e.course_key,
                "enrolled_at": e.enrolled_at,
                "last_activity_at": e.last_activity_at,
                "completed_at": e.completed_at,
            }
            for e in enrolments
        ],
        "completed_lessons": [
            {
                "lesson": lesson_titles.get(c.lesson_key, ""),
                "lesson_key": c.lesson_key,
                "completed_at": c.completed_at,
            }
            for c in completions
        ],
        "knowledge_check_attempts": [
            {
                "lesson": lesson_titles.get(a.lesson_key, ""),
                "lesson_key": a.lesson_key,
                "knowledge_check": a.check_number,
                "score": a.score,
                "passed": a.passed,
                "answers": a.answers,
                "answered_at": a.created_at,
            }
            for a in attempts
        ],
        "webinars": [
            {
                "webinar": webinar_titles.get(w.webinar_key, ""),
                "webinar_key": w.webinar_key,
                "how": w.how,
                "at": w.at,
                "recorded_by_trainer": w.recorded_by_id is not None,
            }
            for w in webinars
        ],
        "certificates": list(
            Certificate.objects.filter(user=user)
            .order_by("issued_at")
            .values(
                "code",
                "learner_name",
                "course_title",
                "course_key",
                "trainer_organisation",
                "issued_at",
                "revoked_at",
                "revoked_reason",
            )
        ),
    }
