"""Queueing Celery tasks from requests so that a Redis outage costs time, not data.

A form that has saved its data must not answer 500 because the broker is down:
the task then runs in the request instead, slower but done.
"""

import logging

from django.db import transaction

from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def enqueue(task, *args):
    """Send ``task`` to the broker; run it in this process if the broker is down."""
    try:
        return task.delay(*args)
    except OperationalError:
        logger.warning("Broker unreachable: running %s in process", task.name)
        return task.apply(args=args)


def enqueue_on_commit(task, *args):
    """``enqueue`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: enqueue(task, *args))
