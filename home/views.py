"""Views that are not pages: the health check, the error page and the footer's
statement links."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache

from wagtail.models import Site

import redis

from .models import SiteSettings
from .serving import without_site

PROBE_TIMEOUT_SECONDS = 2
# What a client is told to wait while the database restarts or fails over.
DATABASE_RETRY_AFTER_SECONDS = 30


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


@without_site
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


def server_error(request):
    """The 500 page, or 503 with Retry-After when the database cannot be reached.

    A database restart or failover is brief: "try again shortly" is the truth, and
    crawlers and proxies retry a 503 instead of taking the page for broken. Both
    pages are static, as the site's menus come from the database.
    """
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)


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
