"""Keeping a signed-in learner's knowledge-check attempts as lessons score them."""

from django.dispatch import receiver

from courses.signals import check_scored

from .progress import record_attempt


@receiver(check_scored)
def keep_attempt(sender, request, lesson, check_id, answers, result, **kwargs):
    """Record the attempt for a signed-in learner; anonymous readers leave no trace."""
    if request.user.is_authenticated and lesson.course is not None:
        request.learning_attempt = record_attempt(
            request.user, lesson, check_id, answers, result
        )
