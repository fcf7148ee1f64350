"""A page not yet translated is shown in a language the visitor reads, not a 404.

When /uk/<path>/ finds no page, the same path is looked up in the other
languages' trees; the page found is shown, in the visitor's preferred language
among its translations (from Accept-Language, then English, then the page's
own), under a note saying so. The interface stays in the requested language.
"""

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language

from wagtail.models import Locale, Site

from .alternates import live_translations

FALLBACK_LANGUAGE = "en"


def preferred_languages(request):
    """Language codes of the site, in the order the visitor's browser prefers."""
    header = request.headers.get("Accept-Language", "")
    codes = {code for code, _name in settings.LANGUAGES}
    preferred = []
    for part in header.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in codes and code not in preferred:
            preferred.append(code)
    return preferred


def find_in_other_languages(request, path, requested):
    """The live page at ``path`` in another language's tree, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    for locale in Locale.objects.exclude(language_code=requested):
        home = site.root_page.get_translation_or_none(locale)
        if home is None or not home.live:
            continue
        try:
            page, args, kwargs = home.specific.route(request, components)
        except Http404:
            continue
        if not args and not kwargs:
            return page
    return None


def best_translation(request, page, requested):
    """Of ``page``'s live, public translations, the one the visitor reads best.

    None when the page is not public (a private page is never shown this way).
    """
    translations = live_translations([page.translation_key]).get(page.translation_key)
    order = preferred_languages(request)
    order += [FALLBACK_LANGUAGE, page.locale.language_code]
    for code in order:
        if code != requested and code in (translations or {}):
            return translations[code].specific
    return None


class TranslationFallbackMiddleware:
    """Turns a page 404 into the page in another language, with a note."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = getattr(request, "resolver_match", None)
        if not isinstance(exception, Http404) or request.method not in ("GET", "HEAD"):
            return None
        if match is None or match.url_name != "wagtail_serve":
            return None
        requested = get_language()
        path = match.args[0] if match.args else match.kwargs.get("path", "")
        page = find_in_other_languages(request, path, requested)
        if page is None:
            return None
        page = best_translation(request, page, requested)
        if page is None:
            return None
        request.translation_fallback = {
            "requested": requested,
            "shown": page.locale.language_code,
            "url": page.get_full_url(request),
        }
        return page.serve(request)
