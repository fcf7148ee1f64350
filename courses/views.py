"""Downloads of a course: an offline pack for anyone, a SCORM package for trainers."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Page

from home.caching import current_generation

from .exports import cached_offline_pack, export_lessons, scorm_package
from .models import CoursePage


class ExportRefused(Exception):
    """Why a course cannot be exported, and the status that says so."""

    def __init__(self, reason, status):
        super().__init__(reason)
        self.reason = reason
        self.status = status


def refused(request, error):
    """A 4xx page that says why there is no download."""
    return TemplateResponse(
        request,
        "courses/export_refused.html",
        {"reason": error.reason},
        status=error.status,
    )


def course_for(page_id):
    """The course with this id, or ExportRefused saying what the id names instead."""
    course = CoursePage.objects.filter(pk=page_id).first()
    if course is not None:
        return course
    if Page.objects.filter(pk=page_id).exists():
        raise ExportRefused(_("This page is not a course."), 404)
    raise ExportRefused(_("There is no such course."), 404)


def is_public(course):
    return course.live and not course.get_view_restrictions().exists()


def zip_response(content, filename):
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_GET
def offline_pack_view(request, page_id):
    """The offline pack of a live, public course, for anyone."""
    try:
        course = course_for(page_id)
        if not course.live:
            raise ExportRefused(
                _("This course is not published, so it has no offline pack."), 404
            )
        if not is_public(course):
            raise ExportRefused(
                _("This course is not public, so it has no offline pack."), 404
            )
    except ExportRefused as error:
        return refused(request, error)
    content = cached_offline_pack(course, current_generation(request))
    return zip_response(content, f"{course.slug}-offline.zip")


@require_GET
def scorm_view(request, page_id):
    """The SCORM 1.2 package of a published course, for those who may edit it.

    An unpublished course is refused: trainers write but moderators publish, and
    a package for another platform should carry only what has been approved.
    """
    try:
        if not request.user.is_authenticated:
            raise ExportRefused(
                _("Sign in as a trainer to export a course for a learning platform."),
                403,
            )
        course = course_for(page_id)
        if not course.permissions_for_user(request.user).can_edit():
            raise ExportRefused(
                _("Only trainers can export a course for a learning platform."), 403
            )
        if not course.live:
            raise ExportRefused(
                _("Publish the course first: the export carries what is published."),
                409,
            )
        if not export_lessons(course):
            raise ExportRefused(
                _("The course has no published lessons to export."), 409
            )
    except ExportRefused as error:
        return refused(request, error)
    return zip_response(scorm_package(course), f"{course.slug}-scorm12.zip")
