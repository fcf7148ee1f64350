from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


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
