"""Tests: the real PostgreSQL and Redis, at the URLs in the environment."""

import os

from .base import *  # noqa: F403
from .base import (
    CELERY_BROKER_TRANSPORT_OPTIONS,
    REDIS_CACHE_OPTIONS,
    env,
    redis_database_url,
)

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/libri"
    ),
}

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")
# pytest-xdist runs the suite in several processes, each on its own test database
# (suffixed _gw0, _gw1, ...): each also gets its own cache database and key prefix,
# since a test's cache.clear() empties a whole Redis database.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
XDIST_INDEX = int(XDIST_WORKER.removeprefix("gw") or 0)
SUITE_NAME = DATABASES["default"]["NAME"].removeprefix("test_")
if XDIST_WORKER and not SUITE_NAME.endswith(f"_{XDIST_WORKER}"):
    SUITE_NAME += f"_{XDIST_WORKER}"
# Databases 14 (queues) and 15 (cache; 12, 11, ... for further xdist workers) keep
# the suite apart from a developer's running site on the same server.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": redis_database_url(
            REDIS_URL, 15 if XDIST_INDEX == 0 else 13 - XDIST_INDEX
        ),
        # Per database, so that two suites on one machine never share cache keys
        # (the Celery worker gets the test database's name, hence the stripped prefix).
        "KEY_PREFIX": "libri-" + SUITE_NAME,
    }
}
CELERY_BROKER_URL = redis_database_url(REDIS_URL, 14)
CELERY_RESULT_BACKEND = CELERY_BROKER_URL
# One queue per test database: suites run side by side never take each other's tasks.
CELERY_TASK_DEFAULT_QUEUE = CACHES["default"]["KEY_PREFIX"]
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = CELERY_BROKER_TRANSPORT_OPTIONS
# Unit tests run tasks in-process; the integration tests switch this off and send
# through the real broker to a worker they start.
CELERY_TASK_ALWAYS_EAGER = True

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail stays in memory, unless EMAIL_URL names a server: the integration tests
# start a real SMTP sink and point their Celery worker at it.
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files come straight from the apps (no collectstatic before tests).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Performance block: the same django-redis backend as production.
CACHES["default"]["BACKEND"] = "django_redis.cache.RedisCache"
CACHES["default"]["OPTIONS"] = REDIS_CACHE_OPTIONS
# The page cache is off in tests, so that a page shows what a test just changed;
# tests of the cache itself turn it on.
PAGE_CACHE_SECONDS = 0
# The fuzz tests and the benchmarks search far faster than a person; the rate-limit
# test sets its own limit.
SEARCH_RATE_LIMIT = "100000/m"
# Wagtail's own search index is read only by the admin's search boxes; keeping it up
# to date on every page save was a fifth of the time of building the demo site.
# Tests that use the admin's search switch it back on (tests/home/test_admin_search.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
}
