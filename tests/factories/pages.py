"""Build pages the way editors do: created in the tree, then published."""

from wagtail.models import Locale, Page, Site

from home.models import ContentPage, HomePage

LANGUAGES = ("lv", "en", "uk", "ru")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
    }


def translate(page, locale, **fields):
    """A published translation of ``page`` in ``locale``, beside its parent's."""
    parent = page.get_parent()
    if not parent.is_root():
        parent = parent.get_translation(locale)
    defaults = {"title": f"{page.title} ({locale.language_code})"}
    defaults["slug"] = f"{page.slug}-{locale.language_code}"
    translation = parent.add_child(
        instance=type(page)(
            locale=locale,
            translation_key=page.translation_key,
            **{**defaults, **fields},
        )
    )
    return publish(translation)


def build_site():
    """Replace Wagtail's placeholder with a home page translated into every language.

    Returns {"lv": home, "en": home, ...}.
    """
    by_code = locales()
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Sākums", slug="sakums", intro="Ievads", locale=by_code["lv"]
        )
    )
    publish(home)
    site = Site.objects.get(is_default_site=True)
    placeholder = site.root_page
    site.root_page = home
    site.save()
    placeholder.delete()
    homes = {"lv": home}
    for code in LANGUAGES[1:]:
        homes[code] = translate(home, by_code[code], intro=f"Intro {code}")
    return homes


def content_page(parent, title="Par projektu", **fields):
    page = parent.add_child(
        instance=ContentPage(title=title, locale=parent.locale, **fields)
    )
    return publish(page)


def translated_content_page(homes, title="Par projektu", **fields):
    """A content page under the Latvian home, translated into the other languages."""
    page = content_page(homes["lv"], title=title, **fields)
    translations = {"lv": page}
    for code, home in homes.items():
        if code != "lv":
            translations[code] = translate(page, home.locale)
    return translations
