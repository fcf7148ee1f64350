"""Header navigation, the language switcher and the footer: the site's chrome.

Their links are remembered per site and language for the current content
generation (home/caching.py), so a page renders its header without a query. Their
markup is remembered the same way: the menu's and the footer's are the same on
every page of a language (the menu differs only on the pages it lists), the
switcher's on every translation of a page.
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
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
    """The home page's URL and the menu's markup: its live children marked "show
    in menus", in this language, the page being shown marked current.

    A value: the header shows the home link first and the menu last.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    key = ("menu", site.pk if site else None, get_language())
    home_url, items = memoized(request, key, lambda: menu_links(request))
    page = context.get("page")
    listed = {pk for pk, _title, _url in items}
    current = page.pk if isinstance(page, Page) and page.pk in listed else None
    markup = memoized(
        request,
        (*key, "markup", current),
        lambda: render_to_string(
            "includes/main_menu.html", {"items": items, "current": current}
        ),
    )
    return {"home_url": home_url, "markup": markup}


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


@register.simple_tag(takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation, else to that language's home.

    Languages with neither are left out, so that no link leads to a 404. The
    markup is remembered per page and language, as its links are.
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

    def markup():
        links = [
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current_language,
            }
            for code, name, url in memoized(
                request, key, lambda: translation_links(request, page)
            )
        ]
        return render_to_string("includes/language_switcher.html", {"links": links})

    return memoized(request, (*key, "markup", current_language), markup)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, rendered once per site and language for the content generation."""
    request = context["request"]
    site = Site.find_for_request(request)
    key = ("footer", site.pk if site else None, get_language())
    return memoized(
        request,
        key,
        lambda: render_to_string(
            "includes/footer.html", {"settings": context.get("settings")}
        ),
    )
