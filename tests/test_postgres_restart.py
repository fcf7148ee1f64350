"""PostgreSQL restarts mid-run: no digest lost, no progress lost, no process restarted.

The test starts a PostgreSQL server of its own on a free port (the suite's server
stays up for the other tests), copies the migrated test database into it, points
this process, a Celery worker and gunicorn at it, and crashes it (immediate stop)
while they work.
"""

import glob
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from django.db import connection
from django.middleware.csrf import _get_new_csrf_string

import psycopg
import pytest

from community import digests
from community.tasks import BATCH_SIZE, send_digest_batch
from learning.models import LessonCompletion
from tests.community.test_crash import (
    WORKER_ENV,
    Reconciler,
    children_of,
    digest_messages,
    wait_until,
)
from tests.conftest import CeleryWorker, database_url
from tests.factories.community import weekly_members
from tests.factories.courses import catalogue, course, lesson
from tests.factories.learning import learner
from tests.factories.pages import build_site, content_page
from tests.home.test_access_log import free_port, gunicorn_on

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEMBERS = 300
SEND_RATE = 40  # digests a second: slow enough for the restart to come mid-run
SLOW_WORKER = {**WORKER_ENV, "DIGEST_SEND_RATE": str(SEND_RATE)}
# Marks are committed without waiting for the disk (digests.batch_session): a crash
# forgets up to three WAL writer rounds (wal_writer_delay, 200 ms) of them, and
# those digests go again, with their Message-ID, which mail systems take for the
# same message. A clean (fast) stop forgets nothing.
FORGOTTEN_IN_A_CRASH = int(SEND_RATE * 3 * 0.2)
INSTALL_POSTGRES = (
    "PostgreSQL's server binaries are missing: apt-get install postgresql"
)


class PostgresServer:
    """A throwaway cluster (initdb) on a loopback port, crashed and restarted at will.

    PostgreSQL refuses to run as root: under root its programs run as ``postgres``.
    """

    def __init__(self):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not found:
            pytest.fail(INSTALL_POSTGRES)
        self.bin = Path(found[-1]).parent
        # Short: the server's Unix socket lives here, and socket paths are limited.
        self.folder = Path(tempfile.mkdtemp(prefix="pg-"))
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.folder, self.user)
        self.run("initdb", "-D", self.folder / "data", "--auth=trust", "-U", "postgres")

    def run(self, program, *args):
        subprocess.run(
            [self.bin / program, *map(str, args)],
            check=True,
            user=self.user,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self.run("pg_ctl", "-D", self.folder / "data", "-o", options, "-w", "start")

    def stop(self, mode):
        self.run("pg_ctl", "-D", self.folder / "data", "-m", mode, "-w", "stop")

    def restart(self, mode, pause=1.5):
        """A stop (``immediate`` is a crash: no checkpoint), a pause, a start."""
        self.stop(mode)
        time.sleep(pause)
        self.start()

    def copy_database(self, source, name):
        """``source`` (connection settings) copied here as ``name`` via pg_dump."""
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        dump = subprocess.run(
            [self.bin / "pg_dump", "--no-owner", database_url(source)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [self.bin / "psql", "-q", "-v", "ON_ERROR_STOP=1", self.url(name)],
            input=dump.stdout,
            check=True,
            capture_output=True,
        )

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def remove(self):
        self.stop("fast")
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def pointed_at(server, name):
    """This process's default connection on ``server``'s database ``name``."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=server.port, NAME=name)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.fixture
def private_postgres():
    """A running private server holding a copy of the migrated test database."""
    server = PostgresServer()
    server.start()
    name = "libri_restart"
    server.copy_database(connection.settings_dict, name)
    try:
        with pointed_at(server, name):
            yield server, server.url(name)
    finally:
        server.remove()


def mailed(sink, run, mode):
    """The run's digests in the sink: each test's private database numbers its runs
    from 1, so they are told apart by address too."""
    return [m for m in digest_messages(sink, run.pk) if f"restart-{mode}-" in m["To"]]


@pytest.mark.parametrize("mode", ["immediate", "fast"])
def test_a_digest_run_survives_a_database_restart(
    mode, private_postgres, smtp_sink, tmp_path
):
    from config import celery_app

    server, url = private_postgres
    homes = build_site()
    content_page(homes["lv"], title="Jaunā nodaļa")
    weekly_members(f"restart-{mode}", MEMBERS)
    run, _ = digests.create_run("weekly")
    queued = digests.create_deliveries(run)
    queue = f"restart-{uuid.uuid4().hex[:8]}"
    celery_app.conf.task_always_eager = False
    worker = None
    try:
        worker = CeleryWorker(tmp_path / "worker.log")
        worker.start(url, smtp_sink.url, queue=queue, env=SLOW_WORKER)
        for start in range(0, len(queued), BATCH_SIZE):
            send_digest_batch.apply_async(
                [queued[start : start + BATCH_SIZE]], queue=queue
            )
        wait_until(
            lambda: len(mailed(smtp_sink, run, mode)) >= 60,
            60,
            "the worker never got going",
        )
        server.restart(mode)
        connection.close()  # this process's connection died with the server
        wait_until(Reconciler(run, queue).finished, 60, "deliveries left unfinished")
        assert worker.process.poll() is None, worker.log()
        log = worker.log()
    finally:
        celery_app.conf.task_always_eager = True
        if worker:
            worker.stop()
        with celery_app.connection_for_write() as broker:
            broker.default_channel.queue_delete(queue)

    statuses = Counter(run.deliveries.values_list("status", flat=True))
    messages = mailed(smtp_sink, run, mode)
    per_id = Counter(m["Message-ID"] for m in messages)
    repeats = {mid: n for mid, n in per_id.items() if n > 1}
    print(f"\n{mode} restart: {statuses}, {len(messages)} messages, repeats {repeats}")
    assert statuses == {"sent": MEMBERS}
    assert len(per_id) == MEMBERS  # every member received their digest
    forgotten = FORGOTTEN_IN_A_CRASH if mode == "immediate" else 0
    assert sum(n - 1 for n in repeats.values()) <= 1 + forgotten  # 1: in flight
    assert "raised unexpected" not in log, log  # every cut-off batch was retried


class Browser:
    """A signed-in reader on the gunicorn server, with their session and CSRF cookie."""

    def __init__(self, port, session):
        self.port = port
        self.csrf = _get_new_csrf_string()
        self.cookie = f"sessionid={session}; csrftoken={self.csrf}"

    def request(self, method, path, body=None):
        """(status, headers, body) of one request; redirects are not followed."""
        server = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        headers = {"Cookie": self.cookie}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            server.request(method, path, body=body, headers=headers)
            response = server.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            server.close()

    def get(self, path):
        return self.request("GET", path)

    def post(self, path):
        return self.request("POST", path, urlencode({"csrfmiddlewaretoken": self.csrf}))


class Load(threading.Thread):
    """Requests one page after another until stopped, noting each status."""

    def __init__(self, browser, path):
        super().__init__(daemon=True)
        self.browser = browser
        self.path = path
        self.statuses = []
        self.running = True

    def run(self):
        while self.running:
            self.statuses.append(self.browser.get(self.path)[0])

    def stop(self):
        self.running = False
        self.join(timeout=30)


def test_pages_fail_softly_and_recover_without_a_process_restart(
    private_postgres, client, tmp_path
):
    server, url = private_postgres
    homes = build_site()
    page = content_page(homes["lv"], title="Sarunu klubs bibliotēkā")
    first = lesson(course(catalogue(homes["lv"])), title="Kas ir diagnostika")
    anna = learner()
    client.force_login(anna)  # the session is stored in the private database
    with gunicorn_on(url, tmp_path) as (port, process):
        anna_browser = Browser(port, client.cookies["sessionid"].value)
        assert anna_browser.get(page.url)[0] == 200
        assert anna_browser.get("/healthz")[0] == 200
        workers = children_of(process.pid)
        load = Load(anna_browser, page.url)
        load.start()

        server.stop("immediate")
        status, headers, body = anna_browser.get(page.url)
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "The site is briefly unavailable" in body.decode()
        status, _, body = anna_browser.get("/healthz")
        assert status == 503
        assert json.loads(body)["checks"]["database"].startswith("unreachable")

        server.start()
        load.stop()
        assert anna_browser.get(page.url)[0] == 200
        assert anna_browser.get("/healthz")[0] == 200
        completed = anna_browser.post(f"/lv/learning/lessons/{first.pk}/complete/")
        assert completed[0] == 302, completed
        assert children_of(process.pid) == workers  # the same worker throughout
    connection.close()
    print(f"\nunder load: {Counter(load.statuses)}")
    assert set(load.statuses) <= {200, 503}, Counter(load.statuses)
    assert load.statuses[-1] == 200
    assert LessonCompletion.objects.filter(
        user=anna, lesson_key=first.translation_key
    ).exists()
