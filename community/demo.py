"""Demo content: the digest subscription page in every language."""

from home.demo import LANGUAGES, demo_key, ensure_locales, ensure_translation, publish
from home.models import HomePage

from .models import SubscribePage

SUBSCRIBE = {
    "lv": (
        "Pieteikties jaunumiem",
        "pieteikties",
        "<p>Reizi nedēļā vai mēnesī – jaunākās rokasgrāmatas nodaļas, mācību moduļi, "
        "vebināri, rīki un labās prakses piemēri par jūsu izvēlētajām tēmām.</p>",
    ),
    "en": (
        "Subscribe to the digest",
        "subscribe",
        "<p>Weekly or monthly: the newest handbook chapters, training modules, "
        "webinars, tools and good-practice examples on the topics you choose.</p>",
    ),
    "uk": (
        "Підписатися на дайджест",
        "pidpyska",
        "<p>Щотижня або щомісяця: нові розділи посібника, навчальні модулі, "
        "вебінари, інструменти та приклади доброї практики на обрані теми.</p>",
    ),
    "ru": (
        "Подписаться на дайджест",
        "podpiska",
        "<p>Раз в неделю или в месяц: новые главы руководства, учебные модули, "
        "вебинары, инструменты и примеры хорошей практики по выбранным темам.</p>",
    ),
}


def fields(language):
    title, slug, intro = SUBSCRIBE[language]
    return {"title": title, "slug": slug, "intro": intro}


def load():
    locales = ensure_locales()
    home = HomePage.objects.get(translation_key=demo_key("home"), locale=locales["lv"])
    key = demo_key("subscribe")
    page = SubscribePage.objects.filter(
        translation_key=key, locale=locales["lv"]
    ).first()
    if page is None:
        page = home.add_child(
            instance=SubscribePage(
                locale=locales["lv"], translation_key=key, **fields("lv")
            )
        )
        publish(page)
    for language in LANGUAGES[1:]:
        ensure_translation(page, locales[language], fields(language))
