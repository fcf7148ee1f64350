"""Wagtail's page view, with what every page needs remembered between requests.

Wagtail finds the site, walks the tree one query per level of the URL and loads
the footer settings on every request. Here the site, its root paths, its settings,
the page each URL leads to and whether any view restriction exists are remembered
per content generation (see caching.py), so a page costs one query to load,
whatever its depth.
"""

from django.http import Http404
from django.urls import re_path
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.urls import serve_pattern
from wagtail.views import serve

from .caching import forget, memoized
from .models import SiteSettings


def page_urlpatterns(wagtail_urls):
    """Wagtail's URL patterns with ``serve_page`` in place of its page view."""
    return [
        re_path(serve_pattern, serve_page, name=pattern.name)
        if pattern.name == "wagtail_serve"
        else pattern
        for pattern in wagtail_urls.urlpatterns
    ]


def serve_page(request, path):
    """Serve the page at ``path``; an anonymous reader's copy may be cached."""
    prime_route(request, path)
    request.page_cache_allowed = True
    return serve(request, path)


def site_for(request):
    """The request's site, Wagtail's root paths and the site's footer settings."""
    site = Site._find_for_request(request)
    site_settings = SiteSettings.for_site(site) if site else None
    return site, Site.get_site_root_paths(), site_settings


class SiteMiddleware(MiddlewareMixin):
    """Every view's request gets its site, root paths and footer settings from memory.

    Pages, search, accounts, progress and the subscription views all draw the
    menus and the footer; without this each view but Wagtail's page view would ask
    the database for the site on every request. Views marked ``without_site``
    (the health check, the key set) are left alone: they need no database.
    """

    def process_view(self, request, view, view_args, view_kwargs):
        if not getattr(view, "without_site", False):
            prime_site(request)


def without_site(view):
    """Mark a view that never shows the site, for SiteMiddleware to skip."""
    view.without_site = True
    return view


def prime_site(request):
    """Give the request its site, root paths and settings as Wagtail caches them."""
    key = ("site", request._get_raw_host(), request.get_port())
    site, root_paths, site_settings = memoized(request, key, lambda: site_for(request))
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths
    if site_settings is not None:
        setattr(request, SiteSettings.get_cache_attr_name(), site_settings)


def route_target(request, site, path):
    """Route the usual way; return (model, id, URL segments the page takes)."""
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page = result[0]
    return type(page), page.pk, page.depth - site.root_page.depth


def prime_route(request, path):
    """Give Wagtail's view the page a remembered route leads to, loaded in one query."""
    site = Site.find_for_request(request)
    if site is None:
        return
    key = ("route", site.pk, get_language(), path)
    target = memoized(request, key, lambda: route_target(request, site, path))
    if target is not None and not hasattr(request, "_wagtail_route_for_request"):
        follow_route(request, key, target, path)
    route = getattr(request, "_wagtail_route_for_request", None)
    if route and not memoized(
        request, "view restrictions", PageViewRestriction.objects.exists
    ):
        # None anywhere on the site: spare Wagtail's two queries checking them.
        route[0].get_view_restrictions = PageViewRestriction.objects.none


def follow_route(request, key, target, path):
    """Load the remembered page and let it route what is left of the path."""
    model, pk, segments = target
    try:
        page = model.objects.get(pk=pk)
    except model.DoesNotExist:
        forget(key)
        return
    remaining = [component for component in path.split("/") if component][segments:]
    try:
        request._wagtail_route_for_request = page.route(request, remaining)
    except Http404:
        request._wagtail_route_for_request = None
