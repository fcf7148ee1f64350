"""One-time tokens on knowledge-check forms, so that a replayed answer is refused.

A signed-in learner's form carries a random nonce signed with the site's key for
that learner, lesson (by its translation key) and check. The nonce is kept on the
attempt it made, unique, so the database refuses its second use even when two
copies of one request race.
"""

import secrets
from datetime import timedelta

from django.core import signing
from django.utils.translation import gettext_lazy as _

from .progress import ProgressRefused

FIELD_NAME = "attempt_token"
# Long enough to read a lesson before answering; a stale form is reloaded.
MAX_AGE = timedelta(hours=6)


def signer_for(user, lesson, check_id):
    """A signer whose signatures hold only for this learner, lesson and check."""
    return signing.TimestampSigner(
        salt=f"learning.attempt:{user.pk}:{lesson.translation_key}:{check_id}"
    )


def make_token(user, lesson, check_id):
    """A fresh token for one answer to the check; no database query."""
    return signer_for(user, lesson, check_id).sign(secrets.token_urlsafe(16))


def read_nonce(token, user, lesson, check_id):
    """The nonce of a token made for this learner, lesson and check.

    ProgressRefused (400) for a missing, forged, expired or someone else's token;
    whether the nonce was used already is the database's to say.
    """
    if not token:
        raise ProgressRefused(
            _("The answers came without their form's token; reload the lesson.")
        )
    try:
        return signer_for(user, lesson, check_id).unsign(token, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise ProgressRefused(
            _("This answer form has expired; reload the lesson to try again.")
        ) from error
    except signing.BadSignature as error:
        raise ProgressRefused(
            _("This answer form is not valid; reload the lesson to try again.")
        ) from error
