"""A worker killed with SIGKILL mid-run: a new worker and the reconciler finish the run.

Every member gets their digest, every delivery ends final, and a Message-ID repeats
only for a digest in flight at the instant of the kill.
"""

import os
import signal
import time
import uuid
from collections import Counter

from django.db import connection
from django.test import override_settings

import pytest

from community import digests
from community.models import Delivery
from community.tasks import BATCH_SIZE, send_digest_batch
from tests.conftest import CeleryWorker, database_url
from tests.factories.community import weekly_members
from tests.factories.pages import build_site, content_page

MEMBERS = 1000
CLAIM_TIMEOUT = 3
WORKER_ENV = {"DIGEST_SEND_RATE": "10000", "DIGEST_CLAIM_TIMEOUT": str(CLAIM_TIMEOUT)}
FINAL = ("sent", "skipped", "failed")


def digest_messages(sink, run_id):
    return [m for m in sink.messages if f"digest-{run_id}-" in (m["Message-ID"] or "")]


def wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def children_of(pid):
    with open(f"/proc/{pid}/task/{pid}/children") as children:
        return [int(child) for child in children.read().split()]


def start_worker(tmp_path, sink, pool, name, queue):
    worker = CeleryWorker(tmp_path / f"{name}.log")
    worker.start(
        database_url(connection.settings_dict),
        sink.url,
        pool=pool,
        queue=queue,
        env=WORKER_ENV,
    )
    return worker


class Reconciler:
    """Beat's reconcile task, run every claim timeout against the test's queue."""

    def __init__(self, run, queue):
        self.run = run
        self.queue = queue
        self.last = time.monotonic()

    def finished(self):
        if time.monotonic() - self.last > CLAIM_TIMEOUT:
            self.last = time.monotonic()
            with override_settings(DIGEST_CLAIM_TIMEOUT=CLAIM_TIMEOUT):
                abandoned = digests.abandoned_deliveries()
            for start in range(0, len(abandoned), BATCH_SIZE):
                send_digest_batch.apply_async(
                    [abandoned[start : start + BATCH_SIZE]], queue=self.queue
                )
        return not self.run.deliveries.exclude(status__in=FINAL).exists()


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("victim", "pool"), [("main process", "solo"), ("pool child", "prefork")]
)
def test_killed_worker_leaves_nobody_out_and_mails_nobody_twice(
    victim, pool, smtp_sink, tmp_path
):
    from config import celery_app

    homes = build_site()
    content_page(homes["lv"], title="Jaunā nodaļa")
    weekly_members(f"crash-{victim[0]}", MEMBERS)
    run, _ = digests.create_run("weekly")
    queued = digests.create_deliveries(run)
    queue = f"crash-{uuid.uuid4().hex[:8]}"
    celery_app.conf.task_always_eager = False
    workers = []
    try:
        workers.append(start_worker(tmp_path, smtp_sink, pool, "first", queue))
        for start in range(0, len(queued), BATCH_SIZE):
            send_digest_batch.apply_async(
                [queued[start : start + BATCH_SIZE]], queue=queue
            )
        wait_until(
            lambda: len(digest_messages(smtp_sink, run.pk)) >= 150,
            120,
            "the first worker never got going",
        )
        main = workers[0].process.pid
        os.kill(main if pool == "solo" else children_of(main)[0], signal.SIGKILL)
        workers.append(start_worker(tmp_path, smtp_sink, "solo", "second", queue))
        wait_until(Reconciler(run, queue).finished, 180, "deliveries left unfinished")
    finally:
        celery_app.conf.task_always_eager = True
        for worker in workers:
            worker.stop()
        with celery_app.connection_for_write() as broker:
            broker.default_channel.queue_delete(queue)

    statuses = Counter(run.deliveries.values_list("status", flat=True))
    messages = digest_messages(smtp_sink, run.pk)
    per_id = Counter(m["Message-ID"] for m in messages)
    repeats = {mid: n for mid, n in per_id.items() if n > 1}
    print(f"\n{victim}: {statuses}, {len(messages)} messages, repeats {repeats}")
    assert statuses == {"sent": MEMBERS}
    assert len(per_id) == MEMBERS  # every member received their digest
    assert sum(n - 1 for n in repeats.values()) <= 1  # only the one in flight
    assert Delivery.objects.filter(run=run, status="sent").count() == MEMBERS


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_racing_for_the_same_batches_send_each_digest_once(
    smtp_sink, tmp_path
):
    from config import celery_app

    homes = build_site()
    content_page(homes["lv"], title="Jaunā nodaļa")
    weekly_members("race", 300)
    run, _ = digests.create_run("weekly")
    queued = digests.create_deliveries(run)
    queue = f"race-{uuid.uuid4().hex[:8]}"
    celery_app.conf.task_always_eager = False
    workers = []
    try:
        for name in ("left", "right"):
            workers.append(start_worker(tmp_path, smtp_sink, "solo", name, queue))
        for start in range(0, len(queued), BATCH_SIZE):
            for _copy in range(2):  # every batch twice, for both workers at once
                send_digest_batch.apply_async(
                    [queued[start : start + BATCH_SIZE]], queue=queue
                )
        wait_until(
            lambda: not run.deliveries.exclude(status__in=FINAL).exists(),
            120,
            "deliveries left unfinished",
        )
        time.sleep(1)  # a duplicate would have arrived by now
    finally:
        celery_app.conf.task_always_eager = True
        for worker in workers:
            worker.stop()
        with celery_app.connection_for_write() as broker:
            broker.default_channel.queue_delete(queue)
    per_id = Counter(m["Message-ID"] for m in digest_messages(smtp_sink, run.pk))
    assert len(per_id) == 300
    assert set(per_id.values()) == {1}
    assert all(worker.handled_any() for worker in workers)
