from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from resources.models import WebinarPage

from . import admin_views, attendance_admin
from .certificate_admin import certificate_viewset


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "learning/reports/",
            admin_views.course_list,
            name="learning_report_courses",
        ),
        path(
            "learning/reports/<int:page_id>/",
            admin_views.course_report,
            name="learning_course_report",
        ),
        path(
            "learning/reports/<int:page_id>/csv/",
            admin_views.course_report_csv,
            name="learning_course_report_csv",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Learners' progress"),
        reverse("learning_report_courses"),
        icon_name="user",
        order=420,
    )


@hooks.register("register_admin_urls")
def register_attendance_urls():
    return [
        path(
            "learning/webinars/",
            attendance_admin.webinar_list,
            name="learning_webinar_list",
        ),
        path(
            "learning/webinars/<int:page_id>/attendance/",
            attendance_admin.webinar_attendance,
            name="learning_webinar_attendance",
        ),
    ]


class AttendanceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(attendance_admin.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_attendance_menu_item():
    return AttendanceMenuItem(
        _("Webinar attendance"),
        reverse("learning_webinar_list"),
        icon_name="calendar-check",
        order=421,
    )


@hooks.register("register_page_header_buttons")
def attendance_header_button(page, user, view_name, next_url=None):
    """ "Record attendance" in the page's actions, on webinars that have ended."""
    webinar = page.specific_deferred
    if isinstance(webinar, WebinarPage) and not webinar.is_upcoming:
        if user.has_perm(attendance_admin.PERMISSION):
            yield Button(
                _("Record attendance"),
                reverse("learning_webinar_attendance", args=[page.pk]),
                icon_name="calendar-check",
                priority=80,
            )


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset
