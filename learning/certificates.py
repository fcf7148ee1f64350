"""Issuing certificates once per learner and course, finding them by their code."""

import re
import secrets

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models import Certificate, LearnerProfile

# Crockford's base32: no I, L, O or U, so that a code read aloud or typed from paper
# has no look-alikes; 12 characters carry 60 random bits.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
LOOK_ALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})
SEPARATORS = re.compile(r"[\s\-]+")
# Anything longer is not a mistyped code, and is not worth reading further.
LONGEST_INPUT = 64


class MalformedCode(ValueError):
    """Text that cannot be a certificate code; ``reason`` says why."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def new_code():
    """A fresh random code; 60 bits make a collision practically impossible."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """The stored form of a typed code: upper case, no dashes or spaces."""
    if len(text) > LONGEST_INPUT:
        raise MalformedCode(_("This is far too long to be a certificate code."))
    code = SEPARATORS.sub("", text).upper().translate(LOOK_ALIKES)
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        raise MalformedCode(
            _("A certificate code has 12 letters and digits, like ABCD-EFGH-JKMN.")
        )
    return code


def find_certificate(text):
    """The certificate a typed code names, or None; MalformedCode if it cannot."""
    return (
        Certificate.objects.select_related("revoked_by")
        .filter(code=normalise_code(text))
        .first()
    )


def learner_name(user):
    """The name a certificate shows: the learner's own, else their email's name.

    Never the whole address: the verification page is public.
    """
    profile = LearnerProfile.objects.filter(user=user).first()
    if profile and profile.full_name.strip():
        return profile.full_name.strip()
    return user.get_full_name() or user.email.split("@")[0]


def issue_certificate(user, course):
    """The learner's certificate for ``course``, issued now if it is the first.

    The unique constraint on (user, course) makes a simultaneous second request
    find the first one's certificate instead of making another.
    """
    certificate, _created = Certificate.objects.get_or_create(
        user=user,
        course_key=course.translation_key,
        defaults={
            "code": new_code(),
            "learner_name": learner_name(user),
            "course_title": course.title,
            "trainer_organisation": course.trainer_organisation,
            "language": course.locale.language_code,
            "issued_at": timezone.now(),
        },
    )
    return certificate


def revoke_certificate(certificate, reason, by):
    """Revoke a certificate still standing; False if it already was revoked."""
    return bool(
        Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason=reason.strip(), revoked_by=by
        )
    )


def verification_path(certificate):
    """The public verification page's path, in the certificate's language."""
    with translation.override(certificate.language):
        return reverse("certificate_verify", args=[certificate.display_code])


def verification_url(certificate):
    """The verification page as an absolute URL, for the QR code and the badge."""
    return settings.BASE_URL.rstrip("/") + verification_path(certificate)
