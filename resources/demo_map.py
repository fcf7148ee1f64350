"""Demo of the support initiatives map, the partnerships and their hackathons.

Facts from the seed documents: the ten Latvian partnerships, the five hackathons
(124 participants) and the hackathons' ideas, turned into initiatives of the
partner libraries. Organisation names are proper names and stay in Latvian; a
value the seeds do not give (a memorandum's year) is left empty.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from home.demo import LATVIAN_PARTNERSHIPS, demo_key, ensure_locales, ensure_translation
from home.models import HomePage, Topic

from .demo import ensure_page
from .models import (
    Hackathon,
    InitiativeKind,
    InitiativeLanguage,
    InitiativeMapPage,
    InitiativePage,
    InitiativePageTopic,
    Partnership,
    PartnershipDirectoryPage,
)

TOWNS = [
    "Jēkabpils",
    "Jelgava",
    "Daugavpils",
    "Liepāja",
    "Ogre",
    "Rēzekne",
    "Salaspils",
    "Saldus",
    "Sigulda",
    "Ventspils",
]

PARTNERSHIP_NOTES = {
    "Sigulda": {
        "lv": (
            "Nodomu protokolu bibliotēka, Siguldas novada Sociālais dienests un "
            "biedrība “r.a. Siltumnīca” parakstīja 21. februārī (gads avotā nav "
            "minēts). Bibliotēka sadarbojas arī ar Sabiedrības integrācijas fonda "
            "Vidzemes vienas pieturas aģentūru."
        ),
        "en": (
            "The library, Sigulda Municipality's Social Service and “r.a. Siltumnīca” "
            "signed their memorandum of intent on 21 February (the source gives no "
            "year). The library also works with the Vidzeme one-stop agency of the "
            "Society Integration Foundation."
        ),
    },
}

# date, host town, towns whose libraries took part, participants
HACKATHONS = [
    (date(2025, 8, 22), "Rēzekne", ["Rēzekne"], 28),
    (date(2025, 8, 25), "Daugavpils", ["Daugavpils"], 26),
    (date(2025, 9, 5), "Ventspils", ["Ventspils", "Saldus", "Liepāja"], 29),
    (date(2025, 9, 12), "Jēkabpils", ["Jēkabpils"], 12),
    (date(2025, 9, 16), "Ogre", ["Ogre", "Jelgava", "Sigulda", "Salaspils"], 29),
]

VENUES = {
    "Rēzekne": {"lv": "Rēzeknes Centrālā bibliotēka", "en": "Rēzekne Central Library"},
    "Daugavpils": {
        "lv": "Latgales Centrālā bibliotēka, Daugavpils",
        "en": "Latgale Central Library, Daugavpils",
    },
    "Ventspils": {"lv": "Ventspils bibliotēka", "en": "Ventspils Library"},
    "Jēkabpils": {
        "lv": "Jēkabpils novada Galvenā bibliotēka",
        "en": "Jēkabpils Main Library",
    },
    "Ogre": {"lv": "Ogres Centrālā bibliotēka", "en": "Ogre Central Library"},
}

MAP_PAGE = {
    "lv": {
        "title": "Atbalsta iniciatīvu karte",
        "slug": "atbalsta-iniciativas",
        "intro": (
            "Sarunu klubi, digitālo prasmju nodarbības, ģimeņu vakari un citas "
            "bibliotēku un vietējo iestāžu atbalsta iniciatīvas cilvēkiem ar "
            "migrācijas pieredzi."
        ),
    },
    "en": {
        "title": "Support initiatives map",
        "slug": "support-initiatives",
        "intro": (
            "Conversation clubs, digital skills classes, family evenings and other "
            "support initiatives of libraries and local institutions for people with "
            "migration experience."
        ),
    },
}

DIRECTORY_PAGE = {
    "lv": {
        "title": "Partnerības un hakatoni",
        "slug": "partneribas",
        "intro": (
            "Katrā vietējā partnerībā ir trīs puses: bibliotēka, pašvaldība (vai tās "
            "sociālais dienests vai kultūras pārvalde) un integrācijas iestāde. "
            "Desmit Latvijas partnerības kopā ar vietējo kopienu hakatonos meklēja "
            "risinājumus."
        ),
    },
    "en": {
        "title": "Partnerships and hackathons",
        "slug": "partnerships",
        "intro": (
            "Every local partnership has three members: a library, a municipality (or "
            "its social service or culture department) and an integration institution. "
            "The ten Latvian partnerships looked for solutions with their local "
            "communities at hackathons."
        ),
    },
}

ASK_AT_DESK = {
    "lv": "Jautājiet bibliotēkas apkalpošanas vietā",
    "en": "Ask at the library's service desk",
}

# name, organisation, kind, address, town, latitude, longitude, languages, topics
INITIATIVES = [
    (
        "ogre-conversation-club",
        "Ogres Centrālā bibliotēka",
        InitiativeKind.CONVERSATION_CLUB,
        "Brīvības iela 33, Ogre",
        "Ogre",
        "56.81622",
        "24.61402",
        ["lv", "uk", "en"],
        ["language-culture"],
    ),
    (
        "daugavpils-language-speed-dating",
        "Latgales Centrālā bibliotēka",
        InitiativeKind.LANGUAGE_CAFE,
        "Rīgas iela 22a, Daugavpils",
        "Daugavpils",
        "55.87367",
        "26.51623",
        ["lv", "ru", "en"],
        ["language-culture", "community-engagement"],
    ),
    (
        "rezekne-digital-skills",
        "Rēzeknes Centrālā bibliotēka",
        InitiativeKind.DIGITAL_SKILLS,
        "Atbrīvošanas aleja 81, Rēzekne",
        "Rēzekne",
        "56.50992",
        "27.33361",
        ["lv", "ru", "uk"],
        ["digital-skills"],
    ),
    (
        "ventspils-family-evening",
        "Ventspils bibliotēka",
        InitiativeKind.FAMILY_EVENING,
        "Akmeņu iela 2, Ventspils",
        "Ventspils",
        "57.39452",
        "21.56205",
        ["lv", "uk"],
        ["community-engagement", "children-youth-families"],
    ),
    (
        "jekabpils-story-evening",
        "Jēkabpils novada Galvenā bibliotēka",
        InitiativeKind.STORY_GAMES,
        "Brīvības iela 140/142, Jēkabpils",
        "Jēkabpils",
        "56.49740",
        "25.87180",
        ["lv", "ru"],
        ["language-culture", "community-engagement"],
    ),
    (
        "liepaja-information-point",
        "Liepājas Centrālā zinātniskā bibliotēka",
        InitiativeKind.INFORMATION_POINT,
        "Zivju iela 7, Liepāja",
        "Liepāja",
        "56.50795",
        "21.01390",
        ["lv", "en", "uk", "ru"],
        ["access-to-information"],
    ),
    (
        "jelgava-family-to-family",
        "Jelgavas Pilsētas bibliotēka",
        InitiativeKind.FAMILY_EVENING,
        "Akadēmijas iela 26, Jelgava",
        "Jelgava",
        "56.65160",
        "23.72540",
        ["lv", "en"],
        ["community-engagement", "children-youth-families"],
    ),
    (
        "sigulda-online-conversation-club",
        "Siguldas novada bibliotēka",
        InitiativeKind.CONVERSATION_CLUB,
        "Siguldas novada bibliotēka, Sigulda",
        "Sigulda",
        "57.15330",
        "24.85450",
        ["lv", "uk", "en"],
        ["language-culture", "digital-skills"],
    ),
]

INITIATIVE_TEXT = {
    "ogre-conversation-club": {
        "lv": (
            "Latviešu valodas sarunu klubs",
            "Sarunas latviešu valodā pie tējas: ikdienas situācijas, bibliotēkas "
            "pakalpojumi un vietējās ziņas. Iesācēji laipni gaidīti.",
            "Otrdienās 17.30–19.00",
        ),
        "en": (
            "Latvian conversation club",
            "Conversations in Latvian over tea: everyday situations, library services "
            "and local news. Beginners welcome.",
            "Tuesdays 17:30–19:00",
        ),
    },
    "daugavpils-language-speed-dating": {
        "lv": (
            "Valodu “ātrie randiņi”",
            "Īsas sarunas pa pāriem ar vietējiem iedzīvotājiem: ik pēc piecām minūtēm "
            "jauns sarunu biedrs un jauna tēma.",
            "Katra mēneša pirmajā ceturtdienā 18.00",
        ),
        "en": (
            "Language speed dating",
            "Short conversations in pairs with local residents: a new partner and a "
            "new topic every five minutes.",
            "First Thursday of the month, 18:00",
        ),
    },
    "rezekne-digital-skills": {
        "lv": (
            "Digitālās prasmes ar tulka atbalstu",
            "E-pakalpojumi, internetbanka un e-pasts soli pa solim, ar tulku, lai "
            "jaunajā vidē būtu vieglāk orientēties.",
            "Trešdienās 10.00–12.00",
        ),
        "en": (
            "Digital skills with interpreter support",
            "E-services, online banking and email step by step, with an interpreter, "
            "so that finding one's way in the new environment is easier.",
            "Wednesdays 10:00–12:00",
        ),
    },
    "ventspils-family-evening": {
        "lv": (
            "Ģimeņu kultūras vakars",
            "Ģimenes iepazīstina ar savām tradīcijām: dziesmas, spēles un ēdieni, "
            "bērniem radošās darbnīcas.",
            "Reizi mēnesī piektdienā 18.00",
        ),
        "en": (
            "Family culture evening",
            "Families share their traditions: songs, games and food, with creative "
            "workshops for children.",
            "Once a month on a Friday, 18:00",
        ),
    },
    "jekabpils-story-evening": {
        "lv": (
            "Galda spēļu un stāstu vakars",
            "Galda spēles un stāsti, kas palīdz runāt latviski bez satraukuma.",
            "Ceturtdienās 17.00–19.00",
        ),
        "en": (
            "Board-game and story evening",
            "Board games and stories that help people speak Latvian without stress.",
            "Thursdays 17:00–19:00",
        ),
    },
    "liepaja-information-point": {
        "lv": (
            "Informācijas punkts jaunpienācējiem",
            "Bukleti par iestādēm, veselības aprūpi, izglītību un finansēm, mēneša "
            "pasākumu plāns un palīdzība atrast vajadzīgo iestādi.",
            "Bibliotēkas darba laikā",
        ),
        "en": (
            "Information point for newcomers",
            "Booklets on institutions, health care, education and finance, the "
            "month's events, and help finding the right institution.",
            "During library opening hours",
        ),
    },
    "jelgava-family-to-family": {
        "lv": (
            "Iniciatīva “Ģimene ģimenei”",
            "Vietējās ģimenes un ģimenes ar migrācijas pieredzi tiekas bibliotēkā un "
            "kopā dodas pastaigās un āra aktivitātēs.",
            "Sestdienās 11.00, pēc pieteikuma",
        ),
        "en": (
            "“Family to family” initiative",
            "Local families and families with migration experience meet at the "
            "library and go on walks and outdoor activities together.",
            "Saturdays 11:00, on registration",
        ),
    },
    "sigulda-online-conversation-club": {
        "lv": (
            "Tiešsaistes sarunu klubs",
            "Latviešu valodas prakse tiešsaistē tiem, kuri nevar atnākt uz bibliotēku; "
            "saiti saņem, piesakoties bibliotēkā.",
            "Pirmdienās 19.00, tiešsaistē",
        ),
        "en": (
            "Online conversation club",
            "Latvian practice online for those who cannot come to the library; the "
            "link is given on registering at the library.",
            "Mondays 19:00, online",
        ),
    },
}


def page_fields(text):
    return {
        "title": text["title"],
        "slug": text["slug"],
        "intro": text["intro"],
        "search_description": text["intro"],
        "show_in_menus": True,
    }


def initiative_fields(initiative, language):
    name, organisation, kind, address, town, lat, lon, languages, topics = initiative
    title, summary, schedule = INITIATIVE_TEXT[name][language]
    return {
        "title": title,
        "slug": name,
        "summary": summary,
        "search_description": summary,
        "organisation": organisation,
        "kind": kind,
        "address": address,
        "town": town,
        "latitude": Decimal(lat),
        "longitude": Decimal(lon),
        "schedule": schedule,
        "contact": ASK_AT_DESK[language],
        "languages": [InitiativeLanguage(language=code) for code in languages],
        "topic_items": [
            InitiativePageTopic(tag=topic)
            for topic in Topic.objects.filter(slug__in=topics)
        ],
    }


def ensure_map(home, locales):
    page = ensure_page(
        home, InitiativeMapPage, "initiatives-map", page_fields(MAP_PAGE["lv"])
    )
    ensure_translation(page, locales["en"], page_fields(MAP_PAGE["en"]))
    for initiative in INITIATIVES:
        item = ensure_page(
            page, InitiativePage, initiative[0], initiative_fields(initiative, "lv")
        )
        ensure_translation(item, locales["en"], initiative_fields(initiative, "en"))


def ensure_snippet(model, name, locale, **fields):
    """The snippet with demo key ``name`` in ``locale``, made if missing."""
    item, _ = model.objects.get_or_create(
        translation_key=demo_key(name), locale=locale, defaults=fields
    )
    return item


def ensure_partnerships(locales):
    """{(language, town): partnership} of the ten Latvian partnerships."""
    partnerships = {}
    for town, (library, municipality, institution) in zip(
        TOWNS, LATVIAN_PARTNERSHIPS, strict=True
    ):
        for language in ("lv", "en"):
            partnerships[language, town] = ensure_snippet(
                Partnership,
                f"partnership-{town}",
                locales[language],
                library=library,
                town=town,
                municipality=municipality,
                integration_institution=institution,
                note=PARTNERSHIP_NOTES.get(town, {}).get(language, ""),
            )
    return partnerships


def ensure_hackathons(locales, partnerships):
    for day, host, towns, participants in HACKATHONS:
        for language in ("lv", "en"):
            hackathon = ensure_snippet(
                Hackathon,
                f"hackathon-{day:%Y-%m-%d}",
                locales[language],
                date=day,
                venue=VENUES[host][language],
                participants=participants,
            )
            if not hackathon.libraries.exists():
                hackathon.libraries.set(
                    [partnerships[language, town] for town in towns]
                )
                hackathon.save()


def ensure_directory(home, locales):
    page = ensure_page(
        home,
        PartnershipDirectoryPage,
        "partnerships",
        page_fields(DIRECTORY_PAGE["lv"]),
    )
    ensure_translation(page, locales["en"], page_fields(DIRECTORY_PAGE["en"]))


@transaction.atomic
def load():
    """The initiatives map, partnerships and hackathons, in Latvian and English."""
    locales = ensure_locales()
    home = HomePage.objects.filter(
        translation_key=demo_key("home"), locale=locales["lv"]
    ).first()
    if home is None:  # home's loader runs first; nothing to hang the pages on
        return
    ensure_map(home, locales)
    ensure_directory(home, locales)
    partnerships = ensure_partnerships(locales)
    ensure_hackathons(locales, partnerships)
