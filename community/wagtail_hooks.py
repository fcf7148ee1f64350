from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as RowMenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import multigetattr

from . import admin_views
from .models import Subscriber

# A spreadsheet takes a cell starting with one of these for a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SubscriberIndexView(IndexView):
    """The members' list, with a link to each member's deliveries and a safe CSV."""

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            RowMenuItem(
                _("Deliveries"),
                url=reverse("subscribers:deliveries", args=[instance.pk]),
                icon_name="mail",
                priority=15,
            ),
        ]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("topics")

    def to_row_dict(self, item):
        topics = ", ".join(topic.label for topic in item.topics.all())
        return {
            field: topics if field == "topics" else multigetattr(item, field)
            for field in self.list_export
        }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value)


class SubscriberViewSet(ModelViewSet):
    """The community's members, for the staff who look after them."""

    model = Subscriber
    index_view_class = SubscriberIndexView
    icon = "mail"
    menu_label = _("Subscribers")
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["email", "organisation", "language", "frequency", "status"]
    list_filter = ["status", "frequency", "language"]
    search_fields = ["email", "name", "organisation"]
    form_fields = ["name", "organisation", "language", "topics", "frequency", "status"]
    inspect_view_enabled = True
    # No token_version: nothing in the export can make or check a member's link.
    list_export = [
        "email",
        "name",
        "organisation",
        "language",
        "topics",
        "frequency",
        "status",
        "confirmed_at",
    ]
    export_filename = "libri-subscribers"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "deliveries/<int:pk>/",
                admin_views.subscriber_deliveries,
                name="deliveries",
            ),
        ]


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
