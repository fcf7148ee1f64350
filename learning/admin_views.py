"""The trainers' progress report in the Wagtail admin, with its CSV export."""

import csv
import io

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import CoursePage

from . import report

PERMISSION = "learning.view_learning_report"


class ReportFilterForm(forms.Form):
    """Narrow a report to one organisation and a range of enrolment dates."""

    organisation = forms.ChoiceField(label=gettext_lazy("Organisation"), required=False)
    since = forms.DateField(
        label=gettext_lazy("Enrolled from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=gettext_lazy("Enrolled until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", _("All organisations"))] + [
            (name, name) for name in report.organisations()
        ]

    def filters(self):
        """The filters as keyword arguments; none where the form is invalid."""
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


@permission_required(PERMISSION, raise_exception=True)
def course_list(request):
    """Every course, linking to its report."""
    return TemplateResponse(
        request,
        "learning/admin/course_list.html",
        {"courses": report.report_courses()},
    )


def course_for(page_id):
    course = CoursePage.objects.filter(pk=page_id).first()
    if course is None:
        raise Http404(_("There is no such course."))
    return course


@permission_required(PERMISSION, raise_exception=True)
def course_report(request, page_id):
    """One course's figures under the chosen filters."""
    course = course_for(page_id)
    form = ReportFilterForm(request.GET or None)
    enrolments = report.filtered_enrolments(course.translation_key, **form.filters())
    return TemplateResponse(
        request,
        "learning/admin/course_report.html",
        {
            "course": course,
            "form": form,
            "report": report.course_report(course, enrolments),
            "learners": report.recent_learners(course.translation_key, enrolments),
            "learners_shown": report.LEARNERS_SHOWN,
            "query": request.GET.urlencode(),
        },
    )


@permission_required(PERMISSION, raise_exception=True)
def course_report_csv(request, page_id):
    """The filtered learners of one course as CSV, one row each."""
    course = course_for(page_id)
    form = ReportFilterForm(request.GET or None)
    enrolments = report.filtered_enrolments(course.translation_key, **form.filters())
    # Written to memory and handed over at once: writing 20,000 rows to the
    # response one by one encoded each of them separately.
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Email"),
            _("Organisation"),
            _("Enrolled"),
            _("Last activity"),
            _("Completed"),
            _("Lessons completed"),
        ]
    )
    writer.writerows(report.learner_rows(course.translation_key, enrolments))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="course-{course.pk}-learners.csv"'
    )
    return response
