from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
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


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset
