"""Keeping a signed-in learner's knowledge-check attempts as lessons score them,
and forgetting the name on their certificates when their account goes."""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from courses.scoring import InvalidSubmission
from courses.signals import check_scored

from .attempt_tokens import FIELD_NAME, read_nonce
from .models import Certificate
from .progress import ProgressRefused, record_attempt


@receiver(check_scored)
def keep_attempt(sender, request, lesson, check_id, answers, result, **kwargs):
    """Record the attempt for a signed-in learner; anonymous readers leave no trace.

    A learner's answers count once per form: without a valid, unused one-time
    token they are refused, with the reason, and nothing is kept.
    """
    if not request.user.is_authenticated or lesson.course is None:
        return
    try:
        nonce = read_nonce(request.POST.get(FIELD_NAME), request.user, lesson, check_id)
        request.learning_attempt = record_attempt(
            request.user, lesson, check_id, answers, result, nonce=nonce
        )
    except ProgressRefused as error:
        raise InvalidSubmission(error.reason, status=error.status) from error


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_certificate_names(sender, instance, **kwargs):
    """A deleted account leaves nothing that leads back to the person: its
    certificates keep their codes (never reused) but no longer name anyone."""
    Certificate.objects.filter(user=instance).update(learner_name="")
