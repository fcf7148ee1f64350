"""load_demo builds the initiatives map in Latvian and English, idempotently."""

import json

from django.core.management import call_command

import pytest

from resources.models import Hackathon, InitiativeMapPage, InitiativePage, Partnership

# Latvia's bounding box, generously.
LATITUDES = (55.6, 58.1)
LONGITUDES = (20.9, 28.3)


@pytest.fixture
def demo(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo")


@pytest.mark.django_db
def test_demo_initiatives_sit_in_latvian_towns_in_both_languages(client, demo):
    for language in ("lv", "en"):
        map_page = InitiativeMapPage.objects.get(locale__language_code=language)
        collection = json.loads(client.get(map_page.url + "geojson/").content)
        features = collection["features"]
        assert len(features) == 8
        for feature in features:
            lon, lat = feature["geometry"]["coordinates"]
            assert LONGITUDES[0] < lon < LONGITUDES[1]
            assert LATITUDES[0] < lat < LATITUDES[1]
        assert client.get(map_page.url).status_code == 200
    organisations = set(InitiativePage.objects.values_list("organisation", flat=True))
    assert "Ogres Centrālā bibliotēka" in organisations
    assert "Latgales Centrālā bibliotēka" in organisations


@pytest.mark.django_db
def test_loading_the_map_demo_twice_changes_nothing(demo):
    def counts():
        return (
            InitiativePage.objects.count(),
            Partnership.objects.count(),
            Hackathon.objects.count(),
            Hackathon.libraries.through.objects.count(),
        )

    before = counts()
    call_command("load_demo")
    assert counts() == before == (16, 20, 10, 20)
