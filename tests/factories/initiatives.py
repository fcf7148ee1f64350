"""Initiatives on a map page, partnerships and hackathons, as trainers make them."""

from decimal import Decimal

from resources.models import (
    Hackathon,
    InitiativeLanguage,
    InitiativeMapPage,
    InitiativePage,
    Partnership,
    PartnershipDirectoryPage,
)
from tests.factories.pages import publish


def initiative_map(home, title="Atbalsta iniciatīvas", **fields):
    page = home.add_child(
        instance=InitiativeMapPage(title=title, locale=home.locale, **fields)
    )
    return publish(page)


def initiative(
    map_page,
    title="Sarunu klubs",
    languages=("lv",),
    latitude="56.81622",
    longitude="24.61402",
    **fields,
):
    defaults = {
        "organisation": "Ogres Centrālā bibliotēka",
        "address": "Brīvības iela 33, Ogre",
        "town": "Ogre",
        "schedule": "Otrdienās 17.30",
    }
    page = map_page.add_child(
        instance=InitiativePage(
            title=title,
            locale=map_page.locale,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            languages=[InitiativeLanguage(language=code) for code in languages],
            **{**defaults, **fields},
        )
    )
    return publish(page)


def directory(home, title="Partnerības", **fields):
    page = home.add_child(
        instance=PartnershipDirectoryPage(title=title, locale=home.locale, **fields)
    )
    return publish(page)


def partnership(locale, library="Ogres Centrālā bibliotēka", **fields):
    defaults = {
        "municipality": "Ogres novada Sociālais dienests",
        "integration_institution": "Biedrība “Latvijas Sarkanais Krusts”",
    }
    return Partnership.objects.create(
        locale=locale, library=library, **{**defaults, **fields}
    )


def hackathon(locale, day, participants, libraries=(), venue="Ogres bibliotēka"):
    item = Hackathon(locale=locale, date=day, venue=venue, participants=participants)
    item.save()
    item.libraries.set(libraries)
    item.save()
    return item
