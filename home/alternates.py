"""A page's live translations, as hreflang alternates for pages and sitemaps."""

from django.conf import settings

from wagtail.models import Page

X_DEFAULT = "x-default"


def live_translations(translation_keys):
    """{translation_key: {language code: page}} of the live, public translations."""
    by_key = {}
    pages = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=set(translation_keys))
        .select_related("locale")
        .defer_streamfields()
    )
    for page in pages:
        by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
    return by_key


def request_translations(request, keys):
    """Live pages with any of these translation keys, once per request.

    The hreflang links in the head and the language switcher in the header ask
    for the same pages; the second asks nothing of the database.
    """
    memo = request.__dict__.setdefault("_live_translations", {})
    keys = tuple(keys)
    if keys not in memo:
        memo[keys] = list(
            Page.objects.live()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .defer_streamfields()
        )
    return memo[keys]


def alternates(translations, request):
    """[(hreflang, full URL)] in the site's language order, then x-default.

    x-default is the default language's version, or the first one there is.
    """
    links = []
    for code, _name in settings.LANGUAGES:
        page = translations.get(code)
        url = page.get_full_url(request) if page else None
        if url:
            links.append((code, url))
    if links:
        default = dict(links).get(settings.LANGUAGE_CODE, links[0][1])
        links.append((X_DEFAULT, default))
    return links
