"""Celery round trip: a real worker takes a task from the real Redis broker."""

from datetime import timedelta

from django.utils import timezone

import pytest

from home.models import ContentPage
from home.tasks import publish_scheduled_pages
from tests.factories.pages import build_site


def scheduled_page(parent, go_live_at):
    """A draft whose publication is approved for ``go_live_at``, as the admin does."""
    page = parent.add_child(
        instance=ContentPage(title="Plānots raksts", live=False, locale=parent.locale)
    )
    page.go_live_at = go_live_at
    page.save_revision(approved_go_live_at=go_live_at)
    return page


def test_publish_scheduled_pages_runs_in_process(db):
    homes = build_site()
    due = scheduled_page(homes["lv"], timezone.now() - timedelta(minutes=1))
    publish_scheduled_pages.delay()
    due.refresh_from_db()
    assert due.live


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_publishes_scheduled_pages_through_redis(live_celery_worker):
    homes = build_site()
    due = scheduled_page(homes["lv"], timezone.now() - timedelta(seconds=1))
    later = scheduled_page(homes["lv"], timezone.now() + timedelta(days=1))

    result = publish_scheduled_pages.delay()
    result.get(timeout=30)

    assert result.successful()
    assert live_celery_worker.handled(result.id)
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.live
    assert not later.live
