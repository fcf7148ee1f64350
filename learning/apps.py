from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """What learners do: enrolment, progress, knowledge-check attempts, certificates."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the signal receivers
