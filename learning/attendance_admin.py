"""Trainers record who attended a live webinar, from a list of email addresses."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resources.models import WebinarPage

from .attendance import (
    MAX_ADDRESSES,
    ended_webinar,
    record_live_attendance,
    split_addresses,
)
from .dashboard import in_reader_language
from .progress import ProgressRefused

PERMISSION = "learning.record_webinar_attendance"
WEBINARS_LISTED = 50


class AttendanceForm(forms.Form):
    """The attendees' email addresses, as pasted from a meeting's participant list."""

    addresses = forms.CharField(
        label=gettext_lazy("Email addresses of the attendees"),
        help_text=gettext_lazy("One per line, or separated by commas."),
        max_length=50_000,
        widget=forms.Textarea(
            attrs={"rows": 12, "aria-describedby": "id_addresses-help"}
        ),
    )

    def clean_addresses(self):
        addresses = split_addresses(self.cleaned_data["addresses"])
        if not addresses:
            raise forms.ValidationError(
                _("Give at least one email address."), code="no_address"
            )
        if len(addresses) > MAX_ADDRESSES:
            raise forms.ValidationError(
                _("Give at most %(count)d addresses at a time."),
                code="too_many",
                params={"count": MAX_ADDRESSES},
            )
        return addresses


@permission_required(PERMISSION, raise_exception=True)
def webinar_list(request):
    """The webinars that have ended, newest first, each linking to its form."""
    pages = (
        WebinarPage.objects.filter(end__lte=timezone.now())
        .select_related("locale")
        .order_by("-start")
        .only("id", "title", "start", "translation_key", "locale")
    )
    webinars = sorted(
        in_reader_language(pages).values(), key=lambda w: w.start, reverse=True
    )
    return TemplateResponse(
        request,
        "learning/admin/webinar_list.html",
        {"webinars": webinars[:WEBINARS_LISTED]},
    )


@permission_required(PERMISSION, raise_exception=True)
def webinar_attendance(request, page_id):
    """The form, then who was recorded, who already was and who is unknown."""
    context = {"form": AttendanceForm(request.POST or None)}
    status = 200
    try:
        context["webinar"] = webinar = ended_webinar(page_id)
        if request.method == "POST":
            if context["form"].is_valid():
                context["result"] = record_live_attendance(
                    webinar, context["form"].cleaned_data["addresses"], request.user
                )
            else:
                status = 400
    except ProgressRefused as error:
        context["refused"], status = error.reason, error.status
    return TemplateResponse(
        request, "learning/admin/webinar_attendance.html", context, status=status
    )
