from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import Subscriber


class SubscriberViewSet(ModelViewSet):
    """The community's members, for the staff who look after them."""

    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["email", "organisation", "language", "frequency", "status"]
    list_filter = ["status", "frequency", "language"]
    search_fields = ["email", "name", "organisation"]
    form_fields = ["name", "organisation", "language", "topics", "frequency", "status"]
    inspect_view_enabled = True


subscriber_viewset = SubscriberViewSet("subscribers")


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return subscriber_viewset


@hooks.register("register_admin_urls")
def register_digest_urls():
    return [
        path(
            "community/digests/",
            admin_views.digest_runs,
            name="community_digest_runs",
        ),
        path(
            "community/digests/send/",
            admin_views.send_now,
            name="community_digest_send",
        ),
        path(
            "community/digests/preview/<int:subscriber_id>/",
            admin_views.preview,
            name="community_digest_preview",
        ),
    ]


class DigestMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_digest_menu_item():
    return DigestMenuItem(
        _("Digests"), reverse("community_digest_runs"), icon_name="mail", order=410
    )
