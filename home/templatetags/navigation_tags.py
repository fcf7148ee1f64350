"""Header navigation and the language switcher, built from the page tree."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Page, Site

from home.alternates import request_translations

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


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page and its live children marked "show in menus", in this language."""
    page = context.get("page")
    home = localized_home(context["request"], page)
    items = home.get_children().live().in_menu() if home else []
    return {"home": home, "items": items, "current": page}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation, else to that language's home.

    Languages with neither are left out, so that no link leads to a 404.
    """
    request = context["request"]
    page = context.get("page")
    site = Site.find_for_request(request)
    keys = []
    if isinstance(page, Page):
        keys.append(page.translation_key)
    if site is not None:
        keys.append(site.root_page.translation_key)
    by_language = {}
    translations = request_translations(request, keys)
    for translation in sorted(
        translations, key=lambda candidate: keys.index(candidate.translation_key)
    ):
        by_language.setdefault(translation.locale.language_code, translation)
    current_language = get_language()
    links = [
        {
            "code": code,
            "name": name,
            "url": by_language[code].get_url(request),
            "current": code == current_language,
        }
        for code, name in settings.LANGUAGES
        if code in by_language
    ]
    return {"links": links}
