"""Views that are not pages: the health check."""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

import redis

PROBE_TIMEOUT_SECONDS = 2


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_redis():
    client = redis.Redis.from_url(
        settings.REDIS_URL,
        socket_connect_timeout=PROBE_TIMEOUT_SECONDS,
        socket_timeout=PROBE_TIMEOUT_SECONDS,
    )
    try:
        client.ping()
    finally:
        client.close()


@never_cache
def healthz(request):
    """Database and Redis reachability as JSON: 200 when all is well, else 503.

    Redis is reported as "not used" in the development profile, which runs without
    it; the error's class name is given, never its message, which may hold a URL.
    """
    checks = {"database": check_database}
    if settings.REDIS_URL:
        checks["redis"] = check_redis
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "unreachable"
            results[name] = f"unreachable ({type(error).__name__})"
        else:
            results[name] = "ok"
    results.setdefault("redis", "not used")
    healthy = all(value in ("ok", "not used") for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )
