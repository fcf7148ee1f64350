"""The Celery app, configured from the CELERY_* settings; tasks autodiscovered."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("libri")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
