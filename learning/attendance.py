"""Webinars in the training record: followed as a recording, or attended live.

Attendance is keyed by the webinar's ``translation_key`` like course progress, so
a webinar followed in Latvian is the same webinar in every language.
"""

import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allauth.account.models import EmailAddress

from resources.models import WebinarPage

from .models import WebinarAttendance
from .progress import ProgressRefused

# Anything between commas, semicolons and white space is one address.
ADDRESS_SEPARATORS = re.compile(r"[\s,;]+")
MAX_ADDRESSES = 500


def has_recording(webinar):
    """Whether there is something to follow afterwards: a recording or transcript."""
    return bool(
        webinar.recording_url or webinar.recording_file_id or webinar.transcript
    )


def can_mark_followed(webinar):
    """A published webinar that is over and left a recording or a transcript."""
    return (
        webinar.live
        and not webinar.get_view_restrictions().exists()
        and not webinar.is_upcoming
        and has_recording(webinar)
    )


def mark_followed(user, webinar):
    """Record that ``user`` followed the recording; ProgressRefused if not possible."""
    if webinar.is_upcoming:
        raise ProgressRefused(
            _("This webinar has not taken place yet: follow it live."), status=409
        )
    if not has_recording(webinar):
        raise ProgressRefused(
            _("This webinar has no recording or transcript to follow."), status=409
        )
    try:
        with transaction.atomic():
            return WebinarAttendance.objects.create(
                user=user,
                webinar_key=webinar.translation_key,
                how=WebinarAttendance.FOLLOWED_RECORDING,
                at=timezone.now(),
            )
    except IntegrityError as error:
        raise ProgressRefused(
            _("This webinar is already in your training record."), status=409
        ) from error


def attendance_of(user, webinar):
    """The learner's attendance of ``webinar`` in any language, or None."""
    return WebinarAttendance.objects.filter(
        user=user, webinar_key=webinar.translation_key
    ).first()


def split_addresses(text):
    """The distinct addresses in ``text``, lower-cased, in the order given."""
    words = (word.lower() for word in ADDRESS_SEPARATORS.split(text) if word)
    return list(dict.fromkeys(words))


@dataclass
class AttendanceResult:
    """What recording a list of addresses did, address by address."""

    recorded: list = field(default_factory=list)
    already: list = field(default_factory=list)
    not_found: list = field(default_factory=list)


def learners_by_address(addresses):
    """{address: user} for the confirmed addresses of learner accounts."""
    found = {}
    confirmed = (
        EmailAddress.objects.annotate(address=Lower("email"))
        .filter(address__in=addresses, verified=True, user__is_active=True)
        .select_related("user")
    )
    for address in confirmed:
        found.setdefault(address.address, address.user)
    return found


def record_live_attendance(webinar, addresses, trainer):
    """Record the learners with these addresses as having attended ``webinar`` live.

    Learners already recorded for it (live or by recording) stay as they are.
    """
    refuse_if_upcoming(webinar)
    learners = learners_by_address(addresses)
    known = set(
        WebinarAttendance.objects.filter(
            webinar_key=webinar.translation_key,
            user__in=list(learners.values()),
        ).values_list("user_id", flat=True)
    )
    result, new = AttendanceResult(), []
    for address in addresses:
        user = learners.get(address)
        if user is None:
            result.not_found.append(address)
        elif user.pk in known:
            result.already.append(address)
        else:
            known.add(user.pk)
            result.recorded.append(address)
            new.append(
                WebinarAttendance(
                    user=user,
                    webinar_key=webinar.translation_key,
                    how=WebinarAttendance.ATTENDED_LIVE,
                    recorded_by=trainer,
                    at=webinar.start,
                )
            )
    WebinarAttendance.objects.bulk_create(new, ignore_conflicts=True)
    return result


def refuse_if_upcoming(webinar):
    """Live attendance is recorded once the webinar has ended, never before."""
    if webinar.is_upcoming:
        raise ProgressRefused(
            _("This webinar has not ended yet: record attendance afterwards."),
            status=409,
        )


def ended_webinar(page_id):
    """The webinar page with this id, if it has ended; else ProgressRefused."""
    webinar = WebinarPage.objects.filter(pk=page_id).first()
    if webinar is None:
        raise ProgressRefused(_("There is no such webinar."), status=404)
    refuse_if_upcoming(webinar)
    return webinar
