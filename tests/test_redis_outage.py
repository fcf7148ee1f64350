"""Redis stops mid-run: the site keeps working from the database, then recovers.

The test starts a Redis server of its own on a free port (the suite's Redis stays
up for the other tests), points the cache, the page cache and the Celery broker at
it, and stops it half-way.
"""

import json
import socket
import subprocess
import time
from datetime import timedelta

from django.core import mail
from django.db import connection
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query

import pytest
import redis

from community import digests
from community.models import ConsentEvent, Delivery, DigestRun
from community.tasks import reconcile_deliveries, start_digest_run
from config.settings.base import REDIS_CACHE_OPTIONS, redis_database_url
from learning.models import LessonCompletion
from tests.conftest import CeleryWorker, database_url
from tests.factories.community import subscribe_pages, weekly_members
from tests.factories.courses import catalogue, course, lesson
from tests.factories.learning import learner
from tests.factories.pages import build_site, content_page

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class RedisServer:
    """A redis-server process on a loopback port, which the test stops and starts."""

    def __init__(self, folder):
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def point_broker_at(app, url):
    """Send the app's tasks to ``url``: its references to pooled connections are
    dropped as Celery drops them after a fork (kombu keeps the pools per URL)."""
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None
    app.control.mailbox.__dict__.pop("producer_pool", None)


@pytest.fixture
def private_redis(tmp_path, settings):
    """The site's cache, page cache, health check and Celery broker on our Redis."""
    from config import celery_app

    server = RedisServer(tmp_path)
    server.start()
    settings.REDIS_URL = server.url
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_database_url(server.url, 15),
            "KEY_PREFIX": "outage",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
    suite_broker = celery_app.conf.broker_url
    point_broker_at(celery_app, redis_database_url(server.url, 14))
    yield server
    point_broker_at(celery_app, suite_broker)
    if server.process.poll() is None:
        server.stop()


def get_json(client, path):
    response = client.get(path)
    return response.status_code, json.loads(response.content)


def test_pages_subscriptions_and_progress_work_while_redis_is_down(
    client, private_redis, django_capture_on_commit_callbacks
):
    from config import celery_app

    homes = build_site()
    subscribe = subscribe_pages(homes)["lv"]
    page = content_page(homes["lv"], title="Sarunu klubs bibliotēkā")
    module = course(catalogue(homes["lv"]))
    first = lesson(module, title="Kas ir diagnostika", check=False)
    anna = learner()
    assert client.get(page.url)["X-Page-Cache"] == "MISS"
    assert client.get(page.url)["X-Page-Cache"] == "HIT"
    assert get_json(client, "/healthz")[0] == 200

    private_redis.stop()
    celery_app.conf.task_always_eager = False  # tasks go to the (stopped) broker

    response = client.get(page.url)
    assert response.status_code == 200
    assert "Sarunu klubs bibliotēkā" in response.content.decode()
    status, health = get_json(client, "/healthz")
    assert status == 503
    assert health["checks"] == {
        "database": "ok",
        "redis": "unreachable (ConnectionError)",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            subscribe.url,
            {
                "email": "klubs@example.org",
                "name": "Ogres bibliotēka",
                "organisation": "Ogres bibliotēka",
                "language": "lv",
                "frequency": "weekly",
                "consent": "on",
            },
        )
    assert response.status_code == 200
    assert ConsentEvent.objects.filter(action="requested").count() == 1
    # With no broker to queue it on, the confirmation is mailed from the request.
    assert [message.to for message in mail.outbox] == [["klubs@example.org"]]

    # A search answers and is counted for the admin's search terms.
    response = client.get("/lv/search/", {"query": "Sarunu klubs"})
    assert response.status_code == 200
    assert f'href="{page.url}"' in response.content.decode()
    assert Query.get("sarunu klubs").hits == 1

    client.force_login(anna)
    response = client.post(f"/lv/learning/lessons/{first.pk}/complete/")
    assert response.status_code == 302
    assert LessonCompletion.objects.filter(user=anna, lesson_key=first.translation_key)

    private_redis.start()
    assert get_json(client, "/healthz")[0] == 200
    client.logout()
    assert client.get(page.url)["X-Page-Cache"] == "MISS"
    assert client.get(page.url)["X-Page-Cache"] == "HIT"


def test_a_digest_run_cut_off_by_the_outage_is_finished_when_redis_is_back(
    private_redis, smtp_sink, tmp_path
):
    from config import celery_app

    homes = build_site()
    content_page(homes["lv"], title="Jauna nodaļa par hakatoniem")
    members = weekly_members("outage", 30)

    # Beat fires while Redis is down: the run and its rows are made, nothing sent.
    private_redis.stop()
    celery_app.conf.task_always_eager = False
    with pytest.raises(Exception, match="(?i)connect|refused"):
        start_digest_run("weekly")
    run = DigestRun.objects.get()
    assert run.deliveries.filter(status=Delivery.Status.QUEUED).count() == 30

    private_redis.start()
    worker = CeleryWorker(tmp_path / "worker.log")
    worker.start(
        database_url(connection.settings_dict),
        smtp_sink.url,
        env={"REDIS_URL": private_redis.url, "DIGEST_SEND_RATE": "10000"},
    )
    try:
        DigestRun.objects.update(created_at=timezone.now() - timedelta(hours=1))
        reconcile_deliveries()
        deadline = time.monotonic() + 60
        while run.deliveries.exclude(status=Delivery.Status.SENT).exists():
            assert time.monotonic() < deadline, worker.log()
            time.sleep(0.2)
    finally:
        worker.stop()
    sent_to = [m["To"] for m in smtp_sink.messages if "outage-" in m["To"]]
    assert sorted(sent_to) == sorted(member.email for member in members)
    assert digests.abandoned_deliveries() == []
