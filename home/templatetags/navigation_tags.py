"""Header navigation and the language switcher, built from the page tree.

Both are remembered per site and language for the current content generation
(home/caching.py), so a page renders its header without a query.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Page, Site

from home.caching import memoized

register = template.Library()


def localized_home(request, page=None):
    """The site's home page in the active language, or None if it is not published.

    ``page`` is the page being shown: when it is that home page, no query is needed.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    if (
        isinstance(page, Page)
        and page.translation_key == site.root_page.translation_key
    ):
        return page
    return (
        Page.objects.live()
        .filter(
            translation_key=site.root_page.translation_key,
            locale__language_code=get_language(),
        )
        .first()
    )


def menu_links(request):
    """(home URL, [(page id, title, URL)]) of the live home and its menu pages."""
    home = localized_home(request)
    if home is None:
        return None, []
    items = home.get_children().live().in_menu().only("id", "title", "url_path")
    return home.get_url(request), [
        (item.pk, item.title, item.get_url(request)) for item in items
    ]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page and its live children marked "show in menus", in this language.

    A value, not markup: the header shows the home link first and the menu last.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    key = ("menu", site.pk if site else None, get_language())
    home_url, items = memoized(request, key, lambda: menu_links(request))
    page = context.get("page")
    current = page.pk if isinstance(page, Page) else None
    return {"home_url": home_url, "items": items, "current": current}


def translation_links(request, page):
    """(language code, name, URL) of this page's translations, else of the home's."""
    site = Site.find_for_request(request)
    keys = []
    if isinstance(page, Page):
        keys.append(page.translation_key)
    if site is not None:
        keys.append(site.root_page.translation_key)
    by_language = {}
    translations = (
        Page.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .only("id", "url_path", "translation_key", "locale__language_code")
    )
    for translation in sorted(
        translations, key=lambda candidate: keys.index(candidate.translation_key)
    ):
        by_language.setdefault(translation.locale.language_code, translation)
    return [
        (code, name, by_language[code].get_url(request))
        for code, name in settings.LANGUAGES
        if code in by_language
    ]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation, else to that language's home.

    Languages with neither are left out, so that no link leads to a 404.
    """
    request = context["request"]
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    site = Site.find_for_request(request)
    key = (
        "languages",
        site.pk if site else None,
        page.translation_key if page else None,
    )
    current_language = get_language()
    links = [
        {"code": code, "name": name, "url": url, "current": code == current_language}
        for code, name, url in memoized(
            request, key, lambda: translation_links(request, page)
        )
    ]
    return {"links": links}
