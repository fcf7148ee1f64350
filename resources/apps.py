import mimetypes

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """The content library: the partnership handbook and the webinars."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "resources"
    verbose_name = _("Content library")

    def ready(self):
        # Captions are served as documents; browsers only load WebVTT as text/vtt.
        mimetypes.add_type("text/vtt", ".vtt")
        from . import signals  # noqa: F401 - connects the PDF rebuild
