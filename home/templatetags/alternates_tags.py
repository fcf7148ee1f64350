"""<link rel="alternate" hreflang> for each language a page is published in."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url

from wagtail.models import Page, Site

from home.alternates import X_DEFAULT, alternates, request_translations
from home.caching import memoized

register = template.Library()


def page_translations(request, page):
    """{language code: live translation of ``page``}, shared with the switcher."""
    keys = [page.translation_key]
    site = Site.find_for_request(request)
    if site is not None:
        keys.append(site.root_page.translation_key)
    return {
        translation.locale.language_code: translation
        for translation in request_translations(request, keys)
        if translation.translation_key == page.translation_key
    }


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """A page's live translations; for other views, the same path in each language.

    A page's links are remembered with their markup for the content generation.
    """
    request = context.get("request")
    if request is None:
        return hreflang_markup([])
    page = context.get("page")
    if isinstance(page, Page):
        site = Site.find_for_request(request)
        key = ("hreflang", site.pk if site else None, page.translation_key)
        return memoized(
            request,
            key,
            lambda: hreflang_markup(
                alternates(page_translations(request, page), request)
            ),
        )
    match = getattr(request, "resolver_match", None)
    # A page path that found no page (the 404 page) has no alternates.
    if match is None or match.url_name == "wagtail_serve":
        return hreflang_markup([])
    path = request.get_full_path()
    links = [
        (code, request.build_absolute_uri(translate_url(path, code)))
        for code, _name in settings.LANGUAGES
    ]
    links.append((X_DEFAULT, dict(links)[settings.LANGUAGE_CODE]))
    return hreflang_markup(links)


def hreflang_markup(links):
    return render_to_string("includes/hreflang.html", {"links": links})
