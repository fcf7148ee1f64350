"""Beat's database scheduler takes the schedule from settings into the database."""

from django.conf import settings

import pytest
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from config import celery_app


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_scheduler_holds_every_entry_of_the_settings_schedule():
    """Transactional: the scheduler closes and reopens its database connection."""
    scheduler = DatabaseScheduler(app=celery_app, lazy=True)
    scheduler.setup_schedule()
    tasks = {task.name: task for task in PeriodicTask.objects.all()}
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert tasks[name].task == entry["task"]
    weekly = tasks["weekly-digest"].crontab
    assert (weekly.minute, weekly.hour, weekly.day_of_week) == ("0", "8", "mon")
    assert str(weekly.timezone) == "Europe/Riga"
    assert tasks["weekly-digest"].args == '["weekly"]'
