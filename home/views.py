"""Views that are not pages: the health check and the footer's statement links."""

from django.conf import settings
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from wagtail.models import Site

import redis

from .models import SiteSettings

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


def statement_redirect(field):
    """A view that redirects to the site setting ``field``'s page in this language.

    The footer links here rather than to the page itself, so that rendering the
    footer costs no query for the page or its translation.
    """

    def view(request):
        site = Site.find_for_request(request)
        page = getattr(SiteSettings.for_site(site), field) if site else None
        if page is None or not page.live:
            raise Http404("No such statement on this site.")
        return redirect(page.localized.specific.get_url(request))

    return view


accessibility_statement = statement_redirect("accessibility_page")
privacy_notice = statement_redirect("privacy_page")
