"""The anonymous page cache: whole Wagtail pages for readers who are not signed in."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from .caching import read_generation

STATUS_HEADER = "X-Page-Cache"
UNSHAREABLE = ("private", "no-cache", "no-store")


def page_cache_key(request):
    """One key per host and full path, query string included."""
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


def is_anonymous_read(request):
    """A GET from someone without a session: the same page for everyone."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def is_shareable(request, response):
    """A page that Wagtail served, that sets no cookie and is not marked private.

    A form with a CSRF token sets the CSRF cookie, so such pages never qualify.
    """
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(request, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in UNSHAREABLE)
    )


def from_cache(entry):
    headers, content = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of pages from Redis; store those that anyone may share.

    Entries carry the content generation they were made in: a publish bumps it, so
    the next request renders afresh. The ``X-Page-Cache`` header says HIT, MISS
    (rendered and stored) or BYPASS (not cacheable, or the cache is unreachable).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_read(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                response.headers.setdefault("Cache-Control", "private, no-cache")
            response[STATUS_HEADER] = "BYPASS"
            return response
        key = page_cache_key(request)
        generation, values = read_generation(request, key)
        entry = values.get(key)
        if generation is not None and entry and entry[0] == generation:
            response = from_cache(entry[1:])
            response[STATUS_HEADER] = "HIT"
            return response
        response = self.get_response(request)
        if generation is None or not is_shareable(request, response):
            response[STATUS_HEADER] = "BYPASS"
            return response
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.PAGE_CACHE_PROXY_SECONDS,
        )
        headers = list(response.items())
        entry = (generation, headers, response.content)
        cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        response[STATUS_HEADER] = "MISS"
        return response
