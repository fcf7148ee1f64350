"""Digest bench: a whole run through two Celery workers on Redis to an SMTP sink.

100,000 confirmed members over 10 topics and 4 languages, 200 new items (quick:
2,000 members). The run is rendered by two worker processes and handed to an
SMTP sink in its own process that counts messages and drops their bodies. Prints
the fan-out's time, digests/s from the first digest on, peak memory per worker
and queries per batch.
Usage: python -m bench.digests full|quick [--profile]
"""

import asyncio
import cProfile
import multiprocessing
import os
import pstats
import random
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

# Members, and the seconds the run is timed for at most, so that a slow run cannot
# take `make bench` past its 15 minutes (or `make bench-quick` past its 2); what is
# left is reported, and the rate (steady after the first seconds) projects the
# whole run.
PROFILES = {
    "full": {"members": 100_000, "seconds": 60},
    "quick": {"members": 2_000, "seconds": 15},
}
# Another database name lets several people bench on one server side by side.
BENCH_DATABASE = os.environ.get("BENCH_DATABASE", "libri_bench_digests")
LANGUAGES = ("lv", "en", "uk", "ru")
ITEMS = {"lv": 60, "en": 80, "uk": 30, "ru": 30}  # 200 new items
TOPICS = 10
TARGET_SECONDS = 180
WORKERS = 2
# The bucket still takes a token per message, but does not hold them back.
UNLIMITED = {"DIGEST_SEND_RATE": 100_000, "DIGEST_SEND_BURST": 100_000}
# Batches a worker process sends at once: sending waits on the SMTP server and the
# database far more than it computes, so threads overlap those waits.
THREADS = int(os.environ.get("BENCH_DIGEST_THREADS", "4"))
LOGS = Path(__file__).resolve().parent.parent / "test-output" / "bench"


def setup_django():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/libri")
    os.environ["DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + BENCH_DATABASE
    import django

    django.setup()


def build(members, seed=1):
    """A home page per language, 200 pages new this week, ``members`` members.

    The demo content is not needed: nothing in it is new to the members.
    """
    from django.test import override_settings
    from django.utils import timezone

    from bench.dataset import NO_BACKGROUND_TASKS, add_tagged_pages
    from community.models import Subscriber
    from home.models import ContentPage, Topic
    from tests.factories.pages import build_site

    rng = random.Random(seed)
    topics = Topic.objects.bulk_create(
        Topic(name=f"Digest tēma {n}", slug=f"digest-topic-{n}") for n in range(TOPICS)
    )
    with override_settings(TASKS=NO_BACKGROUND_TASKS):
        homes = build_site()
    for language, count in ITEMS.items():
        pages = [
            ContentPage(
                title=f"Jaunums {language} {number}",
                summary="Jauns materiāls kopienai.",
            )
            for number in range(count)
        ]
        tags = [rng.sample(topics, rng.randint(1, 2)) for _page in pages]
        add_tagged_pages(homes[language], pages, tags)
    confirmed = timezone.now() - timedelta(days=7)
    Through = Subscriber.topics.through
    for start in range(0, members, 5000):
        created = Subscriber.objects.bulk_create(
            Subscriber(
                email=f"member-{n}@bench.example.org",
                name=f"Bibliotēka {n}" if n % 2 else "",
                language=LANGUAGES[n % len(LANGUAGES)],
                frequency="weekly",
                confirmed_at=confirmed,
            )
            for n in range(start, min(start + 5000, members))
        )
        Through.objects.bulk_create(
            Through(subscriber_id=member.pk, topic_id=topic.pk)
            for member in created
            if member.pk % 5  # every fifth member takes all topics
            for topic in rng.sample(topics, rng.randint(1, 3))
        )
    analyze()


def analyze():
    """Statistics for the planner, as autovacuum keeps them on a live database.

    Without them (the bench's server runs without autovacuum) PostgreSQL takes the
    fresh tables for empty and reads a batch's members' topics and last digests
    by scanning whole tables.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class SinkProtocol(asyncio.Protocol):
    """An SMTP server's side of one connection: accepts every message, keeps none.

    aiosmtpd parses each command and message into objects, about 1.2 ms of CPU a
    message on the bench machine: at the 600 digests a second aimed for, more than
    a third of its two cores. This answers the commands Django's SMTP backend sends
    and only looks for the end of each message, so the figure is the workers'.
    """

    REPLIES = {
        b"EHLO": b"250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n",
        b"DATA": b"354 End data with <CR><LF>.<CR><LF>\r\n",
        b"QUIT": b"221 Bye\r\n",
    }

    def __init__(self, received):
        self.received = received
        self.buffer = b""
        self.in_message = False

    def connection_made(self, transport):
        self.transport = transport
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, data):
        self.buffer += data
        while self.buffer:
            if self.in_message and not self.end_of_message():
                return
            if not self.in_message and not self.command():
                return

    def end_of_message(self):
        end = self.buffer.find(b"\r\n.\r\n")
        if end < 0:
            self.buffer = self.buffer[-4:]  # the end may come in the next data
            return False
        self.buffer = self.buffer[end + 5 :]
        self.in_message = False
        with self.received.get_lock():
            self.received.value += 1
        self.transport.write(b"250 Message accepted\r\n")
        return True

    def command(self):
        line, newline, self.buffer = self.buffer.partition(b"\r\n")
        if not newline:
            self.buffer = line
            return False
        verb = line[:4].upper()
        self.transport.write(self.REPLIES.get(verb, b"250 OK\r\n"))
        self.in_message = verb == b"DATA"
        if verb == b"QUIT":
            self.transport.close()
        return True


def run_sink(port, received, ready, stop):
    """The sink's process: an event loop serving ``SinkProtocol`` until ``stop``."""
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(
        loop.create_server(lambda: SinkProtocol(received), "127.0.0.1", port)
    )
    ready.set()
    loop.run_until_complete(loop.run_in_executor(None, stop.wait))
    server.close()
    loop.run_until_complete(server.wait_closed())


class Sink:
    """The SMTP sink in a process of its own."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        context = multiprocessing.get_context("spawn")
        self.received = context.Value("i", 0)
        ready, self.stop_event = context.Event(), context.Event()
        self.process = context.Process(
            target=run_sink, args=(self.port, self.received, ready, self.stop_event)
        )
        self.process.start()
        ready.wait(30)

    @property
    def count(self):
        return self.received.value

    def cpu_seconds(self):
        return cpu_seconds(self.process.pid)

    def stop(self):
        self.stop_event.set()
        self.process.join(10)


def start_worker(number, email_url):
    from django.conf import settings

    env = {**os.environ, "EMAIL_URL": email_url}
    env.update((name, str(value)) for name, value in UNLIMITED.items())
    name = f"bench-digests-{number}@localhost"
    command = [sys.executable, "-m", "celery", "-A", "config", "worker"]
    command += ["--pool=threads", f"--concurrency={THREADS}"]
    command += [f"--queues={settings.CELERY_TASK_DEFAULT_QUEUE}"]
    command += ["--loglevel=WARNING", f"--hostname={name}", "--without-gossip"]
    command += ["--without-mingle", "--without-heartbeat"]
    LOGS.mkdir(parents=True, exist_ok=True)
    log = (LOGS / f"digest-worker-{number}.log").open("w")
    return name, subprocess.Popen(command, env=env, stdout=log, stderr=log)  # noqa: S603


def wait_for_workers(names):
    from config import celery_app

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        answers = celery_app.control.ping(destination=names, timeout=1)
        if len(answers) == len(names):
            return
    raise RuntimeError("the bench workers did not start")


def cpu_seconds(pid):
    """The CPU time a process has used (user and system)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def queries_of_batch(delivery_ids, profile=False):
    """Send one batch in this process; the queries it made."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import Site

    from community import digests
    from community.digest_mail import digest_connection

    Site.get_site_root_paths()  # in Wagtail's cache, as on a running site
    profiler = cProfile.Profile() if profile else None
    with digest_connection() as mail, CaptureQueriesContext(connection) as queries:
        if profiler:
            profiler.enable()
        digests.send_batch(delivery_ids, mail)
        if profiler:
            profiler.disable()
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return len(queries)


def main(profile_name, profile=False):
    from bench.run import recreate_database

    members = PROFILES[profile_name]["members"]
    seconds = PROFILES[profile_name]["seconds"]
    setup_django()
    started = time.perf_counter()
    recreate_database(BENCH_DATABASE)
    build(members)
    print(
        f"\nLIBRI digest bench, profile {profile_name}: {members:,} members, "
        f"{sum(ITEMS.values())} new items, built in "
        f"{time.perf_counter() - started:.0f} s."
    )
    sink = Sink()
    email_url = f"smtp://127.0.0.1:{sink.port}"
    try:
        figures = measure(members, seconds, sink, email_url, profile)
    finally:
        sink.stop()
    print_figures(figures)


def measure(members, seconds, sink, email_url, profile):
    from django.db.models import Count
    from django.test import override_settings

    from community import digests
    from community.tasks import BATCH_SIZE, start_digest_run
    from config import celery_app

    run, _ = digests.create_run("weekly")
    # The run's deliveries are made here, before the workers start, so that the
    # batches measured in-process below are the run's own; their time is part of
    # the fan-out a beat-started run does in its first task.
    making = time.perf_counter()
    queued = digests.create_deliveries(run)
    making = time.perf_counter() - making
    analyze()  # the run's deliveries, as a database with past runs has them
    middle = len(queued) // 2
    smtp = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": sink.port,
        **UNLIMITED,
    }
    with override_settings(**smtp):
        first = queries_of_batch(queued[:BATCH_SIZE])
        # The middle batch finds the run's fragments rendered, as a worker's do.
        later = queries_of_batch(queued[middle : middle + BATCH_SIZE], profile)
    in_process = sink.count

    celery_app.control.purge()
    celery_app.conf.task_always_eager = False
    workers = [start_worker(n, email_url) for n in range(WORKERS)]
    try:
        wait_for_workers([name for name, _process in workers])
        pids = [process.pid for _name, process in workers]
        idle_cpu = sum(cpu_seconds(pid) for pid in pids)
        started = time.perf_counter()
        start_digest_run.delay("weekly")
        first_digest = wait_for_first_digest(sink, in_process)
        unfinished = run.deliveries.filter(status__in=["queued", "sending"])
        while unfinished.exists():
            if time.perf_counter() - first_digest > seconds:
                break
            time.sleep(0.2)
        sending = time.perf_counter() - first_digest
        sent = sink.count - in_process
        sink_cpu = sink.cpu_seconds() / sink.count
        worker_cpu = (sum(cpu_seconds(pid) for pid in pids) - idle_cpu) / sent
        memory = [peak_rss_mb(process.pid) for _name, process in workers]
    finally:
        for _name, process in workers:
            # Past the time bound the workers are mid-batch: nothing to wait for.
            process.kill()
            process.wait(30)
    celery_app.control.purge()
    statuses = dict(
        run.deliveries.values_list("status").annotate(count=Count("pk")).order_by()
    )
    return {
        "members": members,
        "time bound": seconds,
        "statuses": statuses,
        "sent by workers": sent,
        "deliveries made": making,
        "fan-out": making + first_digest - started,
        "sending": sending,
        "sink cpu": sink_cpu,
        "worker cpu": worker_cpu,
        "memory": memory,
        "queries": (first, later),
        "batch size": BATCH_SIZE,
    }


def wait_for_first_digest(sink, before):
    """The moment the sink got the run's first digest: the fan-out is over."""
    deadline = time.perf_counter() + 120
    while sink.count == before:
        if time.perf_counter() > deadline:
            raise RuntimeError("no digest reached the sink in 120 s")
        time.sleep(0.01)
    return time.perf_counter()


def print_figures(figures):
    rate = figures["sent by workers"] / figures["sending"]
    first, later = figures["queries"]
    rows = [
        ("digests handed to SMTP by the workers", f"{figures['sent by workers']:,}"),
        (
            "delivery rows",
            ", ".join(f"{k} {v:,}" for k, v in figures["statuses"].items()),
        ),
        (
            "fan-out (deliveries made, then run started to first digest)",
            f"{figures['fan-out']:.1f} s "
            f"({figures['deliveries made']:.1f} s making the rows)",
        ),
        (
            f"sending (first digest to last, at most {figures['time bound']} s)",
            f"{figures['sending']:.1f} s",
        ),
        ("digests/s", f"{rate:.0f}"),
        (
            "CPU a digest: workers, SMTP sink",
            f"{figures['worker cpu'] * 1e3:.2f} ms, {figures['sink cpu'] * 1e3:.2f} ms",
        ),
        (
            "peak RSS per worker",
            ", ".join(f"{mb:.0f} MB" for mb in figures["memory"]),
        ),
        (
            f"queries per batch of {figures['batch size']} (first, middle)",
            f"{first}, {later}",
        ),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")
    # None sent within the bound (workers slow to start on a busy machine): no rate.
    projected = 100_000 / rate if rate else float("inf")
    whole = projected + figures["fan-out"]
    verdict = "pass" if whole <= TARGET_SECONDS else "MISS"
    print(
        f"\n100,000 digests at this rate: {projected:.0f} s, with this fan-out "
        f"{whole:.0f} s (target {TARGET_SECONDS} s): {verdict}; constant queries "
        f"per batch: {'pass' if first == later else 'MISS'}"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "full", "--profile" in sys.argv)
