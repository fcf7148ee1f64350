"""The Celery app, configured from the CELERY_* settings; tasks autodiscovered."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("libri")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.after_setup_logger.connect
@signals.after_setup_task_logger.connect
def redact_personal_data(logger, **kwargs):
    """The worker's own log handlers get the site's filter for addresses and tokens."""
    from home.security import RedactPersonalData

    for handler in logger.handlers:
        handler.addFilter(RedactPersonalData())
