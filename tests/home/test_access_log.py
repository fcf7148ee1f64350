"""gunicorn, run as the Compose file runs it, logs no email address or link token."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from django.db import connection

import pytest
import yaml

from community.tokens import manage_token
from tests.conftest import database_url
from tests.factories.community import subscriber
from tests.test_compose import COMPOSE_FILE, ROOT, program_argvs

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def production_gunicorn_argv():
    """The web service's gunicorn command line from docker-compose.yml."""
    web = yaml.safe_load(COMPOSE_FILE.read_text())["services"]["web"]
    return next(a for a in program_argvs(web["command"]) if a[0] == "gunicorn")


def with_options(argv, **options):
    """``argv`` with each ``--name value`` option replaced or added."""
    argv = list(argv)
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if flag in argv:
            argv[argv.index(flag) + 1] = value
        else:
            argv += [flag, value]
    return argv


def status_of(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_on(database, folder):
    """The production gunicorn command on ``database``, one sync worker."""
    port = free_port()
    argv = with_options(
        production_gunicorn_argv(),
        bind=f"127.0.0.1:{port}",
        workers="1",
        access_logfile=str(folder / "access.log"),
        error_logfile=str(folder / "error.log"),
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database,
    }
    process = subprocess.Popen([sys.executable, "-m", *argv], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 30
        while not listening(port):
            assert process.poll() is None, "gunicorn exited"
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def gunicorn(tmp_path):
    """The production command on a free loopback port, logging to files."""
    with gunicorn_on(database_url(connection.settings_dict), tmp_path) as (port, _):
        base = f"http://127.0.0.1:{port}"
        status_of(base + "/healthz")  # the worker is up (and the log has a line)
        yield base, tmp_path


def test_access_log_has_no_tokens_or_email_addresses(gunicorn):
    base, folder = gunicorn
    token = manage_token(subscriber(email="lasitava@example.org"))
    preferences = f"/lv/community/preferences/{token}/"
    assert status_of(base + f"/unsubscribe/{token}/") < 500
    assert status_of(base + preferences) < 500
    assert status_of(base + "/lv/community/confirm/eyJhIjoxfQ:abc:def/") < 500
    assert (
        status_of(
            base + "/lv/search/?query=anna.berzina%40biblioteka.lv",
            headers={"Referer": base + preferences},
        )
        < 500
    )
    time.sleep(0.5)  # gunicorn writes the line after the response
    log = (folder / "access.log").read_text()
    lines = log.splitlines()
    assert len(lines) >= 5, log
    assert '"GET /unsubscribe/[redacted]/ HTTP/1.1"' in log
    assert '"GET /lv/community/preferences/[redacted]/ HTTP/1.1"' in log
    assert '"GET /lv/community/confirm/[redacted]/ HTTP/1.1"' in log
    assert "/lv/community/preferences/[redacted]/" in lines[-1]  # the referer
    for secret in (token, "eyJhIjoxfQ", "anna.berzina", "lasitava"):
        assert secret not in log
    assert token not in (folder / "error.log").read_text()
