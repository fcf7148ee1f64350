"""Celery tasks for the whole page tree."""

from django.core.management import call_command

from celery import shared_task


@shared_task
def publish_scheduled_pages():
    """Publish pages whose go-live time has come and unpublish expired ones.

    Wagtail leaves this to a periodic job; Celery beat runs it every minute.
    """
    call_command("publish_scheduled")
