"""Header navigation and the language switcher, built from the page tree."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

register = template.Library()


def localized_home(request):
    """The site's home page in the active language, or None if it is not published."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale is None:
        return None
    return (
        Page.objects.live()
        .filter(translation_key=site.root_page.translation_key, locale=locale)
        .first()
    )


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page and its live children marked "show in menus", in this language."""
    request = context["request"]
    home = localized_home(request)
    items = home.get_children().live().in_menu() if home else []
    return {"home": home, "items": items, "current": context.get("page")}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation, else to that language's home.

    Languages with neither are left out, so that no link leads to a 404.
    """
    request = context["request"]
    page = context.get("page")
    site = Site.find_for_request(request)
    candidates = []
    if isinstance(page, Page):
        candidates.append(page)
    if site is not None:
        candidates.append(site.root_page)
    by_language = {}
    for candidate in candidates:
        translations = (
            Page.objects.live()
            .filter(translation_key=candidate.translation_key)
            .select_related("locale")
        )
        for translation in translations:
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
