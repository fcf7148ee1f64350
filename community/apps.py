from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """The community of practice: subscribers, their consent, and email digests."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = _("Community of practice")
