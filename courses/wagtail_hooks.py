from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from .models import CoursePage


def scorm_button(page, user, priority):
    """ "Export for SCORM 1.2" on a published course its viewer may edit."""
    if page.specific_class is not CoursePage or not page.live:
        return []
    if not page.permissions_for_user(user).can_edit():
        return []
    url = reverse("courses:scorm", args=[page.pk])
    return [
        Button(
            _("Export for SCORM 1.2"),
            url,
            icon_name="download",
            attrs={"download": ""},
            priority=priority,
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def scorm_listing_button(page, user, next_url=None):
    return scorm_button(page, user, priority=90)


@hooks.register("register_page_header_buttons")
def scorm_header_button(page, user, view_name, next_url=None):
    return scorm_button(page, user, priority=90)
