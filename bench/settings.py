"""Bench profile: the test settings, DEBUG off, Redis database 13 of its own.

Used in-process and by the gunicorn workers the bench starts, so that both
measure the same stack. PAGE_CACHE_SECONDS comes from the environment.
"""

from config.settings.test import *  # noqa: F403
from config.settings.test import (
    DATABASES,
    REDIS_CACHE_OPTIONS,
    REDIS_URL,
    env,
    redis_database_url,
)

DEBUG = False
ROOT_URLCONF = "bench.urls"
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": redis_database_url(REDIS_URL, 13),
        "KEY_PREFIX": "bench-" + DATABASES["default"]["NAME"],
        "OPTIONS": REDIS_CACHE_OPTIONS,
    }
}
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
LOGGING = {"version": 1, "disable_existing_loggers": False}
