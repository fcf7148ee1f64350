"""The digest sending rate: one token bucket in Redis, shared by every worker.

A Celery ``rate_limit`` counts per worker; this bucket lives in Redis, and a Lua
script takes a token atomically, so two workers together never exceed the rate.
The bucket refills at ``DIGEST_SEND_RATE`` tokens a second, up to
``DIGEST_SEND_BURST`` tokens; the clock is Redis's, the same for every worker.
"""

import time
from functools import cache

from django.conf import settings

import redis

BUCKET_KEY = "digest-send-bucket"
TOKENS_AT_ONCE = 10

# KEYS[1]: the bucket. ARGV: tokens per second, capacity, tokens wanted.
# Returns 0 if the tokens were taken, else the microseconds until they are due.
BUCKET_SCRIPT = """
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local clock = redis.call("TIME")
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local state = redis.call("HMGET", KEYS[1], "tokens", "stamp")
local tokens = tonumber(state[1]) or capacity
local stamp = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - stamp) * rate / 1000000)
local wait = 0
if tokens >= wanted then
    tokens = tokens - wanted
else
    wait = math.ceil((wanted - tokens) * 1000000 / rate)
end
redis.call("HSET", KEYS[1], "tokens", string.format("%.6f", tokens),
    "stamp", string.format("%.0f", now))
redis.call("PEXPIRE", KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return wait
"""


@cache
def take_script():
    """The registered script, on the cache's Redis database (one per process)."""
    client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    return client.register_script(BUCKET_SCRIPT)


def bucket_key():
    return f"{settings.CACHES['default'].get('KEY_PREFIX', 'libri')}:{BUCKET_KEY}"


def take_tokens(count):
    """Wait until the shared bucket gives ``count`` tokens, one per message.

    Without Redis (``make run`` on SQLite) tasks run in the one web process, and
    there is no other sender to share the rate with.
    """
    if not settings.REDIS_URL:
        return
    rate, burst = settings.DIGEST_SEND_RATE, settings.DIGEST_SEND_BURST
    count = min(count, burst)
    while wait := take_script()(keys=[bucket_key()], args=[rate, burst, count]):
        time.sleep(wait / 1_000_000)


class Allowance:
    """Tokens a batch takes from the bucket a few at a time, one per message.

    A batch holds at most ``TOKENS_AT_ONCE - 1`` tokens it has not used yet, so the
    shared rate holds, with one Redis call per few messages instead of each.
    """

    def __init__(self):
        self.left = 0

    def take(self):
        if not self.left:
            self.left = max(1, min(TOKENS_AT_ONCE, settings.DIGEST_SEND_BURST))
            take_tokens(self.left)
        self.left -= 1
