"""The shared sending rate: one token bucket in the real Redis for every worker."""

import multiprocessing
import time

import pytest
import redis

from community import sendrate

RATE = 40
BURST = 5
SECONDS = 1.5


def tokens_taken_until(deadline):
    """Send as fast as the bucket allows until ``deadline``: messages sent."""
    allowance, sent = sendrate.Allowance(), 0
    while time.time() < deadline:
        allowance.take()
        sent += 1
    return sent


def take_in_a_process(deadline, results):
    sendrate.take_script.cache_clear()  # a connection of this process's own
    results.put(tokens_taken_until(deadline))


@pytest.fixture
def bucket(settings):
    settings.DIGEST_SEND_RATE, settings.DIGEST_SEND_BURST = RATE, BURST
    client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    client.delete(sendrate.bucket_key())
    yield client
    client.delete(sendrate.bucket_key())


def test_two_processes_together_keep_to_one_rate(bucket):
    fork = multiprocessing.get_context("fork")
    results = fork.Queue()
    deadline = time.time() + SECONDS
    workers = [
        fork.Process(target=take_in_a_process, args=(deadline, results))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    counts = [results.get(timeout=30) for _ in workers]
    for worker in workers:
        worker.join(timeout=10)

    allowed = BURST + RATE * SECONDS
    # A counter per worker would let each one send the whole rate: twice this.
    assert sum(counts) <= allowed + 2
    assert sum(counts) >= 0.8 * RATE * SECONDS
    assert all(count > 0 for count in counts)  # both workers were served


def test_a_full_bucket_gives_its_burst_then_makes_senders_wait(bucket, settings):
    settings.DIGEST_SEND_RATE, settings.DIGEST_SEND_BURST = 1, 3
    key = sendrate.bucket_key()
    take = sendrate.take_script()
    waits = [take(keys=[key], args=[1, 3, 1]) for _ in range(4)]
    assert waits[:3] == [0, 0, 0]
    assert 0 < waits[3] <= 1_000_000  # microseconds until the next token
    assert key.startswith(settings.CACHES["default"]["KEY_PREFIX"])  # per site
    assert bucket.pttl(key) > 0  # an idle bucket goes away
