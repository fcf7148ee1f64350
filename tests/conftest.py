"""Shared fixtures; the suite refuses to start without PostgreSQL and Redis."""

import email
import email.policy
import os
import socket
import subprocess
import sys
import time
import uuid

from django.conf import settings

import psycopg
import pytest
import redis

from tests.factories.pages import build_site

START_POSTGRES = (
    "Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) "
    "main start` (Debian), `docker compose up -d postgres`, or point DATABASE_URL "
    "at a running server (postgres://USER@HOST:PORT/NAME)."
)
START_REDIS = (
    "Start it with `redis-server --daemonize yes --bind 127.0.0.1 --port 6379`, "
    "`docker compose up -d redis`, or point REDIS_URL at a running server "
    "(redis://HOST:PORT/0)."
)


def postgres_problem():
    db = settings.DATABASES["default"]
    where = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"
    try:
        psycopg.connect(
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as error:
        return f"PostgreSQL is not reachable at {where}: {error}\n{START_POSTGRES}"
    return None


def redis_problem():
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as error:
        return f"Redis is not reachable at {settings.REDIS_URL}: {error}\n{START_REDIS}"
    finally:
        client.close()
    return None


def pytest_collection_modifyitems(config, items):
    """Refuse a transactional test that would leave the next one an empty database.

    A transactional test empties every table when it ends; only with
    serialized_rollback does the next one find the migrations' rows (the root page,
    the locales, the groups) again.
    """
    careless = [
        item.nodeid
        for item in items
        if (marker := item.get_closest_marker("django_db"))
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    ]
    if careless:
        raise pytest.UsageError(
            "Transactional tests need serialized_rollback=True: " + ", ".join(careless)
        )


def pytest_sessionstart(session):
    """Fail the run at once, saying how to start them, if the services are down."""
    problems = [p for p in (postgres_problem(), redis_problem()) if p]
    if problems:
        pytest.exit("\n\n".join(problems), returncode=3)


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache (Redis database of the test profile)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_cache(settings):
    """A cache of this test's own, for query counts.

    The suite's Redis is shared by every test run on the machine; another run
    clearing it mid-test would make this one's remembered routes and menus cold.
    """
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }


@pytest.fixture
def site(db):
    """The default site with a home page in each of the four languages."""
    return build_site()


class CeleryWorker:
    """A ``celery worker`` process on the test broker, using the test database."""

    def __init__(self, log_path):
        self.log_path = log_path
        self.name = f"test-{uuid.uuid4().hex[:8]}@localhost"
        self.process = None

    def start(self, database_url, email_url, pool="solo", queue=None, env=None):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url,
            "REDIS_URL": settings.REDIS_URL,
            "EMAIL_URL": email_url,
            **(env or {}),
        }
        command = [sys.executable, "-m", "celery", "-A", "config", "worker"]
        queue = queue or settings.CELERY_TASK_DEFAULT_QUEUE
        command += [f"--pool={pool}", "--concurrency=1", f"--queues={queue}"]
        command += ["--loglevel=INFO", f"--hostname={self.name}"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                command, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        self.wait_until_ready()

    def wait_until_ready(self, timeout=60):
        from config import celery_app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Celery worker exited:\n{self.log()}")
            if celery_app.control.ping(destination=[self.name], timeout=1):
                return
        raise RuntimeError(f"Celery worker not ready in {timeout}s:\n{self.log()}")

    def log(self):
        return self.log_path.read_text()

    def handled(self, task_id, timeout=10):
        """Whether this worker's log records the task as succeeded.

        The worker stores a task's result before it logs it: wait for the line.
        """
        deadline = time.monotonic() + timeout
        while True:
            lines = self.log().splitlines()
            if any(task_id in line and "succeeded" in line for line in lines):
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)

    def handled_any(self):
        """Whether this worker's log records any task as succeeded."""
        return "succeeded" in self.log()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def database_url(settings_dict):
    user = settings_dict["USER"] or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "localhost"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


class SMTPSink:
    """A real SMTP server on loopback that keeps every message it receives."""

    def __init__(self):
        self.messages = []
        self.rejected_addresses = set()  # answered 550 at RCPT
        self.temporary_failures = 0  # the next N messages get 451
        self.data_replies = {}  # address: the reply to the end of a message to it
        self.pipelining = True  # offered, as Postfix does (RFC 2920)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        session.host_name = hostname
        if not self.pipelining:
            return responses
        return [*responses[:-1], "250-PIPELINING", responses[-1]]

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address in self.rejected_addresses:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd
        if self.temporary_failures > 0:
            self.temporary_failures -= 1
            return "451 4.3.0 Try again later"
        for address in envelope.rcpt_tos:
            if address in self.data_replies:
                return self.data_replies[address]
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted"

    def wait_for(self, to, timeout=30):
        """The first message to ``to``, waiting for it to arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.messages:
                if to in message["To"]:
                    return message
            time.sleep(0.1)
        raise AssertionError(f"No message to {to} within {timeout} s")


@pytest.fixture(scope="session")
def smtp_sink():
    """An aiosmtpd server on a free loopback port, for the whole session."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = SMTPSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    sink.url = f"smtp://127.0.0.1:{port}"
    yield sink
    controller.stop()


@pytest.fixture(scope="session")
def live_celery_worker(django_db_setup, smtp_sink, tmp_path_factory):
    """A real worker for the session; tasks sent meanwhile go through Redis to it.

    It mails through the SMTP sink.
    """
    from django.db import connection

    from config import celery_app

    celery_app.control.purge()
    worker = CeleryWorker(tmp_path_factory.mktemp("celery") / "worker.log")
    worker.start(database_url(connection.settings_dict), smtp_sink.url)
    yield worker
    worker.stop()


@pytest.fixture(autouse=True)
def celery_eagerness(request):
    """Tasks go to the live worker only in tests that ask for it; else in-process.

    The worker lives for the session, but a later test without it (say, a browser
    journey that sets BASE_URL to its live server) must still run tasks here.
    """
    from config import celery_app

    celery_app.conf.task_always_eager = "live_celery_worker" not in request.fixturenames
    yield
    celery_app.conf.task_always_eager = True
