"""A learner's training record for continuing professional development.

Modules completed and webinars followed, each with its date and hours, in the
reader's language, as CSV and as PDF.
"""

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

import weasyprint

from courses.models import CoursePage
from resources.models import WebinarPage
from resources.pdf import LocalFileFetcher

from .dashboard import in_reader_language
from .models import Enrolment, LearnerProfile, WebinarAttendance


def hours(minutes):
    """Minutes as hours, to the hundredth: 90 → 1.5."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def plain(hours):
    """Hours as CSV writes them: a point, no trailing zeros (1.5, 2, 0.25)."""
    return format(hours.normalize(), "f")


@dataclass
class RecordEntry:
    """One completed module or followed webinar."""

    title: str
    date: datetime
    minutes: int
    how: str = ""

    @property
    def hours(self):
        return hours(self.minutes)


@dataclass
class TrainingRecord:
    """Everything that counts for one learner, oldest first."""

    name: str
    organisation: str
    modules: list
    webinars: list
    generated_at: datetime

    @property
    def module_hours(self):
        return hours(sum(entry.minutes for entry in self.modules))

    @property
    def webinar_hours(self):
        return hours(sum(entry.minutes for entry in self.webinars))

    @property
    def total_hours(self):
        return hours(sum(entry.minutes for entry in self.modules + self.webinars))


def pages_in_reader_language(model, keys):
    """{translation key: page} of ``model``, published or not, as the reader reads."""
    pages = model.objects.filter(translation_key__in=keys).select_related("locale")
    return in_reader_language(pages)


def completed_modules(user):
    """The learner's completed courses, with their estimated time."""
    enrolments = list(
        Enrolment.objects.filter(user=user, completed_at__isnull=False).order_by(
            "completed_at"
        )
    )
    courses = pages_in_reader_language(CoursePage, [e.course_key for e in enrolments])
    return [
        RecordEntry(
            title=courses[e.course_key].title,
            date=e.completed_at,
            minutes=courses[e.course_key].estimated_minutes,
        )
        for e in enrolments
        if e.course_key in courses
    ]


def followed_webinars(user):
    """The webinars the learner followed or attended, with their duration."""
    attendances = list(WebinarAttendance.objects.filter(user=user).order_by("at"))
    webinars = pages_in_reader_language(
        WebinarPage, [a.webinar_key for a in attendances]
    )
    return [
        RecordEntry(
            title=webinars[a.webinar_key].title,
            date=a.at,
            minutes=webinars[a.webinar_key].duration,
            how=a.get_how_display(),
        )
        for a in attendances
        if a.webinar_key in webinars
    ]


def training_record(user):
    """The learner's training record as of now."""
    profile = LearnerProfile.objects.filter(user=user).first()
    return TrainingRecord(
        name=user.get_full_name() or user.email,
        organisation=profile.organisation if profile else "",
        modules=completed_modules(user),
        webinars=followed_webinars(user),
        generated_at=timezone.now(),
    )


def local_date(moment):
    return timezone.localtime(moment).date().isoformat()


def record_csv(record):
    """The record as CSV text: one row per entry, then the totals."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Kind"), _("Title"), _("Date"), _("Hours"), _("How")])
    for kind, entries in (
        (_("Module"), record.modules),
        (_("Webinar"), record.webinars),
    ):
        for entry in entries:
            date = local_date(entry.date)
            writer.writerow([kind, entry.title, date, plain(entry.hours), entry.how])
    writer.writerow([_("Modules in total"), "", "", plain(record.module_hours), ""])
    writer.writerow([_("Webinars in total"), "", "", plain(record.webinar_hours), ""])
    writer.writerow([_("Total"), "", "", plain(record.total_hours), ""])
    return out.getvalue()


def record_pdf(record):
    """The record as PDF bytes, in the active language."""
    html = render_to_string(
        "learning/record_pdf.html", {"record": record, "language": get_language()}
    )
    document = weasyprint.HTML(
        string=html, base_url=settings.BASE_URL, url_fetcher=LocalFileFetcher()
    )
    return document.write_pdf()
