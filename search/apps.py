from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search over every page, in the visitor's language."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
