"""Celery tasks of the community of practice."""

from smtplib import SMTPException

from django.db import InterfaceError, OperationalError

from celery import shared_task

from . import digests
from .digest_mail import digest_connection
from .emails import send_confirmation_email

# Digests a task sends: each batch loads its members and the new pages with a
# fixed number of queries, which a larger batch shares among more digests (1,000
# rather than 500: a fifth less worker CPU a digest in the bench, memory the same).
BATCH_SIZE = 1000
# Transient trouble, retried with exponential backoff and jitter: the mail server,
# or the database restarting or failing over (a batch cut off mid-way would else
# wait for the reconciler's claim timeout). Celery's Django fixup closes the broken
# connection before the retry runs, which then connects afresh.
RETRY = {
    "autoretry_for": (SMTPException, OSError, OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**RETRY)
def send_confirmation(email, token, language):
    """Mail the double opt-in link; retried while the mail server is unreachable."""
    send_confirmation_email(email, token, language)


def enqueue_batches(delivery_ids):
    for start in range(0, len(delivery_ids), BATCH_SIZE):
        send_digest_batch.delay(delivery_ids[start : start + BATCH_SIZE])


@shared_task
def start_digest_run(frequency):
    """Beat's entry point: create this period's run once and fan out its members."""
    run, _created = digests.create_run(frequency)
    queued = digests.create_deliveries(run)
    enqueue_batches(queued)
    return len(queued)


@shared_task
def reconcile_deliveries():
    """Beat's safety net: start runs beat missed, send what dead workers or lost
    messages left behind."""
    for frequency in digests.missed_frequencies():
        start_digest_run(frequency)
    abandoned = digests.abandoned_deliveries()
    enqueue_batches(abandoned)
    return len(abandoned)


@shared_task(**RETRY)
def send_digest_batch(delivery_ids):
    """Send each delivery of the batch that nobody has sent or taken yet.

    The batch shares one SMTP connection.
    """
    with digest_connection() as connection:
        return digests.send_batch(delivery_ids, connection)
