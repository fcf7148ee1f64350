"""A learner's progress where they read: on course pages, lesson pages, the header."""

from django import template
from django.utils.html import format_html

from ..attempt_tokens import FIELD_NAME, make_token
from ..models import Enrolment, LessonCompletion
from ..progress import best_scores

register = template.Library()


@register.inclusion_tag("learning/includes/account_links.html", takes_context=True)
def account_links(context):
    """ "Sign in" for a reader, "My learning" for a signed-in learner."""
    return {"request": context["request"], "user": context["request"].user}


@register.inclusion_tag("learning/includes/course_progress.html", takes_context=True)
def course_progress(context, course, lessons):
    """Enrol, or how far the learner is and the lesson to continue with."""
    request = context["request"]
    result = {"request": request, "course": course}
    if not request.user.is_authenticated:
        return result
    enrolment = Enrolment.objects.filter(
        user=request.user, course_key=course.translation_key
    ).first()
    result["enrolment"] = enrolment
    if enrolment is None:
        return result
    done = set(
        LessonCompletion.objects.filter(
            user=request.user, course_key=course.translation_key
        ).values_list("lesson_key", flat=True)
    )
    lessons = list(lessons)
    result["lessons_done"] = sum(1 for x in lessons if x.translation_key in done)
    result["lessons_total"] = len(lessons)
    result["completed_keys"] = done
    result["next_lesson"], result["next_number"] = next(
        (
            (lesson, number)
            for number, lesson in enumerate(lessons, start=1)
            if lesson.translation_key not in done
        ),
        (None, None),
    )
    return result


@register.inclusion_tag("learning/includes/lesson_progress.html", takes_context=True)
def lesson_progress(context, lesson):
    """Whether the learner completed this lesson, their best check scores, the form."""
    request = context["request"]
    result = {
        "request": request,
        "lesson": lesson,
        "next_lesson": context.get("next_lesson"),
        "course": context.get("course"),
    }
    if not request.user.is_authenticated:
        return result
    result["completion"] = LessonCompletion.objects.filter(
        user=request.user, lesson_key=lesson.translation_key
    ).first()
    result["best_scores"] = best_scores(request.user, lesson)
    return result


@register.simple_tag(takes_context=True)
def attempt_token_field(context, lesson, check_id):
    """A signed-in learner's one-time token for a check's form; none for readers,
    whose pages stay the same for everyone and cacheable."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    return format_html(
        '<input type="hidden" name="{}" value="{}">',
        FIELD_NAME,
        make_token(request.user, lesson, check_id),
    )
