"""Throughput under gunicorn: 2 workers on loopback, a time-bounded load per URL.

The load comes from client processes, each with threads holding one keep-alive
connection, so that the client's own interpreter is not what limits the figure.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENT_PROCESSES = 2
THREADS_PER_PROCESS = 4
# Django starts slowly on a busy machine.
STARTUP_SECONDS = 120


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port, page_cache_seconds):
    """gunicorn with 2 threaded workers serving the bench settings; waits until up."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
    }
    process = subprocess.Popen(  # noqa: S603 - a fixed command line
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--worker-class=gthread",
            "--threads=4",
            "--log-level=warning",
            # Django is loaded once, before the workers fork: they are serving in
            # half the time, several seconds less on a busy machine.
            "--preload",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            status = fetch_once(port, "/bench/minimal")
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return process
    stop(process)
    raise RuntimeError("gunicorn did not start within 30 s")


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def fetch_once(port, url):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", url)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def hammer(port, url, seconds):
    """(responses, errors) from one thread's keep-alive connection for ``seconds``."""
    done = errors = 0
    deadline = time.monotonic() + seconds
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while time.monotonic() < deadline:
        try:
            connection.request("GET", url)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            continue
        if response.status == 200:
            done += 1
        else:
            errors += 1
    connection.close()
    return done, errors


def client_process(port, url, seconds):
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(hammer(port, url, seconds)))
        for _ in range(THREADS_PER_PROCESS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done for done, _ in results), sum(errors for _, errors in results)


def full_load(pool, port, url, seconds):
    """(responses, errors) of every client process and thread together."""
    futures = [
        pool.submit(client_process, port, url, seconds) for _ in range(CLIENT_PROCESSES)
    ]
    results = [future.result() for future in futures]
    return sum(result[0] for result in results), sum(result[1] for result in results)


def throughput(port, url, seconds):
    """Requests per second and errors for ``url``, after a one-second warm-up."""
    with ProcessPoolExecutor(CLIENT_PROCESSES) as pool:
        full_load(pool, port, url, 1)
        done, errors = full_load(pool, port, url, seconds)
    return done / seconds, errors


@contextmanager
def gunicorn(page_cache_seconds):
    """A gunicorn for the time of the block, on a free port it yields."""
    port = free_port()
    process = start_gunicorn(port, page_cache_seconds)
    try:
        yield port
    finally:
        stop(process)


def measure_throughput(port, urls, seconds):
    """{label: (requests per second, errors)} under the gunicorn on ``port``."""
    return {label: throughput(port, url, seconds) for label, url in urls}
