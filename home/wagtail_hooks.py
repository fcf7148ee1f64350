from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HomePage, Topic
from .translations import ModeratedUpdateTranslationsView


class TopicViewSet(SnippetViewSet):
    """Lets trainers keep the shared topic vocabulary and its translated names."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "name_en", "name_uk", "name_ru", "slug"]
    search_fields = ["name", "name_en", "name_uk", "name_ru"]


register_snippet(TopicViewSet)


# Trainers' page rights sit on the tree root (see the migration that makes the
# groups), so that they cover every language's sections; new site roots stay with
# administrators and the home pages with those who may publish them.
@hooks.register("before_create_page")
def keep_site_roots(request, parent_page, page_class):
    if parent_page.is_root() and not request.user.is_superuser:
        raise PermissionDenied


@hooks.register("before_edit_page")
@hooks.register("before_copy_page")
def keep_home_pages(request, page):
    publisher = page.permissions_for_user(request.user).can_publish()
    if page.specific_class is HomePage and not publisher:
        raise PermissionDenied


@hooks.register("insert_global_admin_js")
def autosave_guard():
    """Makes a save or submit wait for Wagtail's autosave in flight (see the file)."""
    return format_html(
        '<script src="{}"></script>', static("home/js/admin-autosave-guard.js")
    )


@hooks.register("register_admin_urls")
def moderated_translation_updates():
    """Comes before wagtail-localize's own route for the same address (home is
    listed before wagtail_localize in INSTALLED_APPS, and hooks run in that order)."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="moderated_update_translations",
        )
    ]
