from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """The training modules as pages: a course per project stage, then its lessons."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = _("Courses")
