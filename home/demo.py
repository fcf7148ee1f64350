"""Demo content for the home app, written from the facts in the seed documents.

Every loader here creates what is missing and leaves what exists alone, so running
``load_demo`` twice gives the same site and never overwrites a trainer's edits.
"""

import uuid

from django.db import transaction

from wagtail.models import Locale, Page, Site

from . import demo_statements
from .models import ContentPage, ContentPageTopic, HomePage, SiteSettings, Topic

LANGUAGES = ("lv", "en", "uk", "ru")
DEMO_NAMESPACE = uuid.UUID("7d4c2f6e-3b1a-4c55-9d0e-2a6f1b8c9e01")

TOPICS = [
    # slug, lv, en, uk, ru
    ("partnerships", "Partnerības", "Partnerships", "Партнерства", "Партнёрства"),
    (
        "local-diagnostics",
        "Vietējā diagnostika",
        "Local diagnostics",
        "Місцева діагностика",
        "Местная диагностика",
    ),
    (
        "local-strategy",
        "Vietējā stratēģija",
        "Local strategy",
        "Місцева стратегія",
        "Местная стратегия",
    ),
    ("hackathons", "Hakatoni", "Hackathons", "Хакатони", "Хакатоны"),
    (
        "impact-sustainability",
        "Ietekme un ilgtspēja",
        "Impact and sustainability",
        "Вплив і сталість",
        "Влияние и устойчивость",
    ),
    (
        "language-culture",
        "Valodas un kultūrpratība",
        "Language and cultural literacy",
        "Мовна та культурна грамотність",
        "Языковая и культурная грамотность",
    ),
    (
        "digital-skills",
        "Digitālās prasmes",
        "Digital skills",
        "Цифрові навички",
        "Цифровые навыки",
    ),
    (
        "access-to-information",
        "Informācijas pieejamība",
        "Access to information",
        "Доступ до інформації",
        "Доступ к информации",
    ),
    (
        "community-engagement",
        "Kopienas iesaiste",
        "Community engagement",
        "Залучення громади",
        "Вовлечение сообщества",
    ),
    (
        "intercultural-communication",
        "Starpkultūru komunikācija",
        "Intercultural communication",
        "Міжкультурна комунікація",
        "Межкультурная коммуникация",
    ),
    (
        "children-youth-families",
        "Bērni, jaunieši un ģimenes",
        "Children, youth and families",
        "Діти, молодь і сім'ї",
        "Дети, молодёжь и семьи",
    ),
    (
        "vulnerable-users",
        "Mazaizsargātie lietotāji",
        "Vulnerable users",
        "Вразливі користувачі",
        "Уязвимые пользователи",
    ),
]

HOME = {
    "lv": {
        "title": "LIBRI mācību platforma bibliotekāriem",
        "intro": (
            "Bibliotēku tilti: mācības, rokasgrāmata un rīki publisko bibliotēku "
            "darbiniekiem, kuri palīdz trešo valstu pilsoņiem iekļauties vietējā "
            "kopienā."
        ),
        "offers": [
            (
                "Partnerības rokasgrāmata",
                "Kā izveidot vietējo partnerību un kopīgi izstrādāt vietējo "
                "stratēģiju: praktiski padomi un pieredzes stāsti.",
            ),
            (
                "Mācību moduļi",
                "Četri pašmācības moduļi, pa vienam katram projekta posmam: "
                "diagnostika, stratēģija, hakatoni, ietekme un ilgtspēja.",
            ),
            (
                "Vebināri",
                "Ikmēneša vebināru ieraksti par integrācijas šķēršļiem, bērniem, "
                "jauniešiem un ģimenēm un mazaizsargāto lietotāju vajadzībām.",
            ),
            (
                "Metodiskie rīki",
                "Ceļveži un tiešsaistes rīki starpkultūru komunikācijai "
                "bibliotēkas apkalpošanas vietā.",
            ),
            (
                "Labās prakses piemēri",
                "Idejas no pieciem hakatoniem Latvijā un partneru pieredze Eiropā.",
            ),
            (
                "Atbalsta iniciatīvu karte",
                "Bibliotēku un vietējo iestāžu atbalsta iniciatīvas vienuviet.",
            ),
        ],
        "subscribe_heading": "Pievienojies prakses kopienai",
        "subscribe_text": (
            "Prakses kopiena apvieno 50 Eiropas bibliotēkas: ieraksti, padomi, labā "
            "prakse un ikmēneša vebināri par LIBRI tēmām."
        ),
    },
    "en": {
        "title": "LIBRI learning platform for librarians",
        "intro": (
            "Library Bridges: training, a handbook and tools for public-library staff "
            "who help third-country nationals become part of their local community."
        ),
        "offers": [
            (
                "Partnership handbook",
                "How to build a local partnership and co-develop a local strategy: "
                "practical tips and stories of national experience.",
            ),
            (
                "Training modules",
                "Four self-paced modules, one per project stage: diagnostics, "
                "strategy, hackathons, impact and sustainability.",
            ),
            (
                "Webinars",
                "Monthly webinar recordings on integration obstacles, children, youth "
                "and families, and the needs of vulnerable users.",
            ),
            (
                "Methodological tools",
                "Guides and online tools for intercultural communication at the "
                "library service desk.",
            ),
            (
                "Good-practice examples",
                "Ideas from five hackathons in Latvia and partners' experience "
                "across Europe.",
            ),
            (
                "Map of support initiatives",
                "Support initiatives in libraries and local institutions, in one "
                "place.",
            ),
        ],
        "subscribe_heading": "Join the community of practice",
        "subscribe_text": (
            "The community of practice joins 50 European libraries: posts, tips, good "
            "practice and monthly webinars on LIBRI topics."
        ),
    },
    "uk": {
        "title": "Навчальна платформа LIBRI для бібліотекарів",
        "intro": (
            "Бібліотечні мости: навчання, посібник та інструменти для працівників "
            "публічних бібліотек, які допомагають громадянам третіх країн стати "
            "частиною місцевої громади."
        ),
        "offers": [
            (
                "Посібник з партнерства",
                "Як створити місцеве партнерство та спільно розробити місцеву "
                "стратегію: практичні поради та історії досвіду.",
            ),
            (
                "Навчальні модулі",
                "Чотири модулі для самостійного навчання, по одному на кожен етап "
                "проєкту.",
            ),
            (
                "Вебінари",
                "Записи щомісячних вебінарів на теми проєкту LIBRI.",
            ),
            (
                "Методичні інструменти",
                "Посібники та онлайн-інструменти для міжкультурної комунікації.",
            ),
            (
                "Приклади доброї практики",
                "Ідеї з п'яти хакатонів у Латвії та досвід партнерів у Європі.",
            ),
            (
                "Мапа ініціатив підтримки",
                "Ініціативи підтримки в бібліотеках і місцевих установах.",
            ),
        ],
        "subscribe_heading": "Приєднуйтеся до спільноти практиків",
        "subscribe_text": (
            "Спільнота практиків об'єднує 50 європейських бібліотек: поради, добра "
            "практика та щомісячні вебінари."
        ),
    },
    "ru": {
        "title": "Учебная платформа LIBRI для библиотекарей",
        "intro": (
            "Библиотечные мосты: обучение, руководство и инструменты для сотрудников "
            "публичных библиотек, которые помогают гражданам третьих стран стать "
            "частью местного сообщества."
        ),
        "offers": [
            (
                "Руководство по партнёрству",
                "Как создать местное партнёрство и совместно разработать местную "
                "стратегию: практические советы и истории опыта.",
            ),
            (
                "Учебные модули",
                "Четыре модуля для самостоятельного обучения, по одному на каждый "
                "этап проекта.",
            ),
            ("Вебинары", "Записи ежемесячных вебинаров на темы проекта LIBRI."),
            (
                "Методические инструменты",
                "Руководства и онлайн-инструменты для межкультурной коммуникации.",
            ),
            (
                "Примеры хорошей практики",
                "Идеи с пяти хакатонов в Латвии и опыт партнёров в Европе.",
            ),
            (
                "Карта инициатив поддержки",
                "Инициативы поддержки в библиотеках и местных учреждениях.",
            ),
        ],
        "subscribe_heading": "Присоединяйтесь к сообществу практиков",
        "subscribe_text": (
            "Сообщество практиков объединяет 50 европейских библиотек: советы, хорошая "
            "практика и ежемесячные вебинары."
        ),
    },
}

# The ten Latvian partnerships: library, municipality, integration institution.
# Organisation names are proper names and stay in Latvian in every language.
LATVIAN_PARTNERSHIPS = [
    (
        "Jēkabpils novada Galvenā bibliotēka",
        "Jēkabpils novada pašvaldība",
        "Biedrība “Vidusdaugavas NVO centrs”",
    ),
    (
        "Jelgavas Pilsētas bibliotēka",
        "Jelgavas valstspilsētas pašvaldība",
        "Sabiedriskais centrs",
    ),
    (
        "Latgales Centrālā bibliotēka (Daugavpils)",
        "Daugavpils valstspilsētas pašvaldība",
        "Sabiedrības integrācijas fonds",
    ),
    (
        "Liepājas Centrālā zinātniskā bibliotēka",
        "Liepājas Kultūras pārvalde",
        "Sabiedrības integrācijas fonds",
    ),
    (
        "Ogres Centrālā bibliotēka",
        "Ogres novada Sociālais dienests",
        "Biedrība “Latvijas Sarkanais Krusts”",
    ),
    (
        "Rēzeknes Centrālā bibliotēka",
        "Rēzeknes Kultūras un tūrisma centrs",
        "Biedrība “Druzi”",
    ),
    (
        "Salaspils novada bibliotēka",
        "Salaspils novada pašvaldība",
        "Salaspils novada pašvaldības Izglītības daļa",
    ),
    (
        "Saldus novada bibliotēka",
        "Pašvaldības aģentūra “Sociālais dienests”",
        "Sabiedrības integrācijas fonds",
    ),
    (
        "Siguldas novada bibliotēka",
        "Siguldas novada Sociālais dienests",
        "Biedrība “r.a. Siltumnīca”",
    ),
    ("Ventspils bibliotēka", "Ventspils novada pašvaldība", "Biedrība “Kobzar”"),
]

ABOUT = {
    "lv": {
        "title": "Par LIBRI",
        "slug": "par-libri",
        "summary": (
            "“Bibliotēku tilti: trešo valstu valstspiederīgo integrācijas un "
            "iekļaušanas veicināšana Eiropā, izmantojot bibliotēkas un vietējās "
            "partnerības” (LIBRI, AMIF-2023-TF2-AG-CALL-AMIF), 2024. gada maijs – "
            "2026. gada maijs."
        ),
        "sections": [
            (
                "Projekta mērķis",
                "<p>Izstrādāt un īstenot integrācijas stratēģiju un tās ieviešanas "
                "plānu, kas paredz trešo valstu pilsoņu sekmīgu iekļaušanu sabiedrībā "
                "reģionālā līmenī un vietējā kopienā, izmantojot bibliotēku "
                "pakalpojumus:</p><ul><li>nodrošināt trešo valstu pilsoņu piekļuvi "
                "pielāgotiem bibliotēku resursiem un pakalpojumiem;</li><li>veicināt "
                "vietējo stratēģiju un partnerību attīstību, kas atbalsta "
                "integrāciju.</li></ul>",
            ),
            (
                "Bibliotēka kā vide integrācijai",
                "<p>Bibliotēka ir telpa, kas palīdz pārvarēt valodas barjeras, "
                "kultūras un sociālo izolāciju. Tās pakalpojumi – krājumi, "
                "e-resursi, pasākumi – ir vienlīdz pieejami gan vietējās kopienas "
                "iedzīvotājiem, gan trešo valstu pilsoņiem.</p>",
            ),
            (
                "Partneri",
                "<p>Projektu vada Bibliothèques Sans Frontières (Francija) sadarbībā "
                "ar ANVITA (Association Nationale des Villes et Territoires "
                "Accueillants, Francija). Partneri: BSF Italia (Itālija), Kultūras "
                "informācijas sistēmu centrs (KISC, Latvija), FRSI (Polija), "
                "Asociația Comunitățile Viitorului (Rumānija) un EBLIDA "
                "(Nīderlande).</p>",
            ),
            (
                "Vietējās partnerības Latvijā",
                "<p>Katrā vietējā partnerībā ir trīs dalībnieki: bibliotēka, "
                "pašvaldība (vai tās sociālais dienests vai kultūras pārvalde) un "
                "integrācijas iestāde. Latvijā darbojas desmit partnerības:</p>",
            ),
            (
                "Projekta posmi",
                "<ol><li>Vietējā diagnostika: mobilitātes pasākums, datu ieguve "
                "(intervijas, mērķgrupu sarunas) un diagnostikas pārskats.</li>"
                "<li>Vietējās stratēģijas izstrāde, balstīta uz diagnostiku un "
                "kopienas īpatnībām.</li><li>Hakatonu organizēšana: 2025. gadā "
                "notika pieci hakatoni ar 124 dalībniekiem.</li><li>Projekta "
                "ietekme un stratēģijas ilgtspēja.</li></ol>",
            ),
            (
                "Paredzamie rezultāti",
                "<ul><li>Atbalsta iniciatīvu kartēšana bibliotēkās un citās vietējās "
                "iestādēs.</li><li>Ceļveži un tiešsaistes rīki bibliotekāriem "
                "starpkultūru komunikācijai.</li><li>Labās prakses piemēru "
                "apkopošana un izplatīšana.</li><li>Metodoloģijas izvietošana "
                "EBLIDA platformā E-PANEMA.</li><li>Partnerības rokasgrāmata ar "
                "praktiskiem padomiem un pieredzes stāstiem.</li></ul>",
            ),
        ],
        "partnership_line": "{library}, {municipality} un {institution}",
    },
    "en": {
        "title": "About LIBRI",
        "slug": "about-libri",
        "summary": (
            "“Library Bridges: promoting the integration and inclusion of "
            "third-country nationals in Europe through libraries and local "
            "partnerships” (LIBRI, AMIF-2023-TF2-AG-CALL-AMIF), May 2024 to May 2026."
        ),
        "sections": [
            (
                "The project's aim",
                "<p>To develop and carry out an integration strategy and "
                "implementation plan so that third-country nationals are included in "
                "society at regional level and in the local community, through "
                "library services:</p><ul><li>give third-country nationals access to "
                "adapted library resources and services;</li><li>grow local "
                "strategies and partnerships that support integration.</li></ul>",
            ),
            (
                "The library as a space for integration",
                "<p>The library helps people overcome language barriers and cultural "
                "and social isolation. Its services – collections, e-resources, "
                "events – are equally open to local residents and to third-country "
                "nationals.</p>",
            ),
            (
                "Partners",
                "<p>LIBRI is led by Bibliothèques Sans Frontières (France) with ANVITA "
                "(Association Nationale des Villes et Territoires Accueillants, "
                "France). Partners: BSF Italia (Italy), the Culture Information "
                "Systems Centre KISC (Latvia), FRSI (Poland), Asociația Comunitățile "
                "Viitorului (Romania) and EBLIDA (the Netherlands).</p>",
            ),
            (
                "Local partnerships in Latvia",
                "<p>Every local partnership has three members: a library, a "
                "municipality (or its social service or culture department) and an "
                "integration institution. Ten partnerships work in Latvia:</p>",
            ),
            (
                "The project's stages",
                "<ol><li>Local diagnostics: a local mobility event, data collection "
                "(interviews, focus groups) and a diagnostic report.</li><li>Local "
                "strategy development, built on the diagnostics and the community's "
                "specifics.</li><li>Organising hackathons: five were held in 2025, "
                "with 124 participants.</li><li>Project impact and the "
                "sustainability of the strategy.</li></ol>",
            ),
            (
                "Expected results",
                "<ul><li>A map of support initiatives in libraries and other local "
                "institutions.</li><li>Guides and online tools for librarians' "
                "intercultural communication.</li><li>Good-practice examples, "
                "collected and shared.</li><li>The methodology published on EBLIDA's "
                "E-PANEMA platform.</li><li>The partnership handbook, with practical "
                "tips and stories of national experience.</li></ul>",
            ),
        ],
        "partnership_line": "{library}, {municipality} and {institution}",
    },
}
ABOUT_TOPICS = ["partnerships", "local-strategy", "hackathons"]


def demo_key(name):
    """A stable translation key, so every run finds the pages the last run made."""
    return uuid.uuid5(DEMO_NAMESPACE, name)


def ensure_locales():
    """The four site languages as Wagtail locales; Latvian exists from migrations."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
    }


def ensure_topics():
    for slug, name, name_en, name_uk, name_ru in TOPICS:
        Topic.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "name_uk": name_uk,
                "name_ru": name_ru,
            },
        )


def publish(page):
    page.save_revision().publish()
    return page


def home_fields(language):
    text = HOME[language]
    return {
        "title": text["title"],
        "slug": "libri" if language == "lv" else f"libri-{language}",
        "intro": text["intro"],
        "offers": [
            ("offer", {"title": title, "text": body, "page": None})
            for title, body in text["offers"]
        ],
        "subscribe_heading": text["subscribe_heading"],
        "subscribe_text": text["subscribe_text"],
    }


def ensure_home(locales):
    """The Latvian home page as the site's root, with its three translations."""
    key = demo_key("home")
    home = HomePage.objects.filter(translation_key=key, locale=locales["lv"]).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                locale=locales["lv"],
                translation_key=key,
                **home_fields("lv"),
            )
        )
        publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "LIBRI"
        site.save()
        if old_root is not None and type(old_root.specific) is Page:
            old_root.delete()  # Wagtail's "Welcome to your new site" placeholder
    for language in LANGUAGES[1:]:
        ensure_translation(home, locales[language], home_fields(language))
    return home


def ensure_translation(page, locale, fields):
    """Translate ``page`` into ``locale`` with ``fields`` unless it is translated.

    The translation is created beside the parent's translation and shares the
    page's translation key; the parent must be translated first.
    """
    translation = page.get_translation_or_none(locale)
    if translation is None:
        parent = page.get_parent()
        if not parent.is_root():
            parent = parent.get_translation(locale)
        translation = parent.add_child(
            instance=type(page)(
                locale=locale, translation_key=page.translation_key, **fields
            )
        )
        publish(translation)
    return translation


def about_fields(language):
    text = ABOUT[language]
    body = []
    for heading, html in text["sections"]:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", html))
        if heading == text["sections"][3][0]:
            items = "".join(
                "<li>"
                + text["partnership_line"].format(
                    library=library, municipality=municipality, institution=institution
                )
                + "</li>"
                for library, municipality, institution in LATVIAN_PARTNERSHIPS
            )
            body.append(("paragraph", f"<ol>{items}</ol>"))
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "search_description": text["summary"],
        "show_in_menus": True,
        "body": body,
        "topic_items": [
            ContentPageTopic(tag=topic)
            for topic in Topic.objects.filter(slug__in=ABOUT_TOPICS)
        ],
    }


def ensure_about(home, locales):
    key = demo_key("about")
    about = ContentPage.objects.filter(
        translation_key=key, locale=locales["lv"]
    ).first()
    if about is None:
        about = home.add_child(
            instance=ContentPage(
                locale=locales["lv"], translation_key=key, **about_fields("lv")
            )
        )
        publish(about)
    english = ensure_translation(about, locales["en"], about_fields("en"))
    return about, english


def statement_fields(texts, language):
    text = texts[language]
    body = []
    for heading, html in text["sections"]:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", html))
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "search_description": text["summary"],
        "body": body,
    }


def ensure_statement(home, locales, name, texts):
    """A statement page linked from the footer, in the four site languages."""
    key = demo_key(name)
    page = ContentPage.objects.filter(translation_key=key, locale=locales["lv"]).first()
    if page is None:
        page = home.add_child(
            instance=ContentPage(
                locale=locales["lv"],
                translation_key=key,
                **statement_fields(texts, "lv"),
            )
        )
        publish(page)
    for language in LANGUAGES[1:]:
        ensure_translation(page, locales[language], statement_fields(texts, language))
    return page


def ensure_statements(home, locales):
    """The accessibility statement and privacy notice, set in the site settings."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    accessibility = ensure_statement(
        home, locales, "accessibility", demo_statements.ACCESSIBILITY
    )
    privacy = ensure_statement(home, locales, "privacy", demo_statements.PRIVACY)
    if site_settings.accessibility_page_id is None:
        site_settings.accessibility_page = accessibility
    if site_settings.privacy_page_id is None:
        site_settings.privacy_page = privacy
    site_settings.save()


def ensure_site_settings():
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.organisation:
        site_settings.organisation = "Kultūras informācijas sistēmu centrs (KISC)"
        site_settings.contact_email = "libri@example.org"
        site_settings.news_url = "https://www.kis.gov.lv/lv/projekta-libri-aktualitates"
        site_settings.save()


@transaction.atomic
def load():
    """Topics, home in four languages, "About LIBRI", site settings, statements."""
    locales = ensure_locales()
    ensure_topics()
    home = ensure_home(locales)
    ensure_about(home, locales)
    ensure_site_settings()
    ensure_statements(home, locales)


# The home page's cards, in HOME's order, and the page type each card leads to.
OFFER_PAGES = [
    "resources.HandbookPage",
    "courses.CourseIndexPage",
    "resources.WebinarIndexPage",
    "resources.ToolIndexPage",
    "resources.PracticeIndexPage",
    "resources.InitiativeMapPage",
]


def link_offers():
    """Point each home page card whose link is empty at its section, once it exists.

    Runs after every app's demo loader; a link a trainer has set is left alone.
    """
    from django.apps import apps

    for home in HomePage.objects.all():
        changed = False
        for block, model_name in zip(home.offers, OFFER_PAGES, strict=False):
            target = (
                apps.get_model(model_name)
                .objects.live()
                .filter(locale_id=home.locale_id)
                .first()
            )
            if block.value["page"] is None and target is not None:
                block.value["page"] = target
                changed = True
        if changed:
            publish(home)
