"""The learner's webinars and training record: mark a recording followed, download."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from resources.models import WebinarPage

from .attendance import mark_followed
from .record import record_csv, record_pdf, training_record
from .views import progress_view

mark_followed_view = progress_view(
    WebinarPage,
    mark_followed,
    lambda: _("The webinar is now in your training record."),
)


def download(content, content_type, extension):
    """``content`` as an attachment named after the record and today's date."""
    response = HttpResponse(content, content_type=content_type)
    name = f"libri-training-record-{timezone.localdate().isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def training_record_csv(request):
    """The learner's training record as CSV, for a spreadsheet or an HR system."""
    content = record_csv(training_record(request.user))
    return download(content, "text/csv; charset=utf-8", "csv")


@login_required
@require_GET
def training_record_pdf(request):
    """The learner's training record as PDF, for an employer."""
    content = record_pdf(training_record(request.user))
    return download(content, "application/pdf", "pdf")
