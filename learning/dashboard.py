"""A learner's courses with their progress, in a fixed number of queries."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

from courses.models import CoursePage, LessonPage

from .models import Enrolment, LessonCompletion


@dataclass
class CourseProgress:
    """One enrolled course as the learner sees it on the dashboard."""

    course: CoursePage
    enrolled_at: object
    completed_at: object
    lessons_done: int
    lessons_total: int
    next_lesson: LessonPage | None

    @property
    def percent(self):
        if not self.lessons_total:
            return 0
        return round(100 * self.lessons_done / self.lessons_total)


def in_reader_language(pages):
    """{translation key: page}, each in the reader's language where it exists."""
    order = [get_language(), settings.LANGUAGE_CODE]
    chosen = {}
    for page in pages:
        code = page.locale.language_code
        rank = order.index(code) if code in order else len(order)
        current = chosen.get(page.translation_key)
        if current is None or rank < current[0]:
            chosen[page.translation_key] = (rank, page)
    return {key: page for key, (_rank, page) in chosen.items()}


def lessons_by_course(courses):
    """{course id: [live lessons in order]} for the given course pages."""
    if not courses:
        return {}
    lessons = (
        LessonPage.objects.live()
        .public()
        .filter(reduce(or_, (Q(path__startswith=c.path) for c in courses)))
        .filter(depth=courses[0].depth + 1)
        .order_by("path")
        .only("id", "title", "url_path", "locale_id", "path", "translation_key")
    )
    by_path = {course.path: course.pk for course in courses}
    grouped = {course.pk: [] for course in courses}
    for lesson in lessons:
        grouped[by_path[lesson.path[: -LessonPage.steplen]]].append(lesson)
    return grouped


def learner_courses(user, request=None):
    """The learner's enrolments as CourseProgress, newest first: four queries."""
    enrolments = list(Enrolment.objects.filter(user=user).order_by("-enrolled_at"))
    keys = [enrolment.course_key for enrolment in enrolments]
    courses = in_reader_language(
        CoursePage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .only("id", "title", "url_path", "path", "depth", "translation_key", "locale")
    )
    lessons = lessons_by_course(list(courses.values()))
    done = set(
        LessonCompletion.objects.filter(user=user, course_key__in=keys).values_list(
            "lesson_key", flat=True
        )
    )
    progress = []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_key)
        if course is None:
            continue
        course_lessons = lessons[course.pk]
        remaining = [x for x in course_lessons if x.translation_key not in done]
        progress.append(
            CourseProgress(
                course=course,
                enrolled_at=enrolment.enrolled_at,
                completed_at=enrolment.completed_at,
                lessons_done=len(course_lessons) - len(remaining),
                lessons_total=len(course_lessons),
                next_lesson=remaining[0] if remaining else None,
            )
        )
    return progress
