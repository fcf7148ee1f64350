"""The support initiatives map: tree rules, list and filters, GeoJSON, queries."""

import json
from decimal import Decimal

from django.core.exceptions import ValidationError

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.models import HomePage
from resources.models import InitiativeKind, InitiativeMapPage, InitiativePage
from tests.factories.initiatives import initiative, initiative_map
from tests.factories.pages import build_site


class TreeRulesTests(WagtailPageTestCase):
    """One map per home page; initiatives live on the map and hold nothing."""

    def setUp(self):
        self.homes = build_site()

    def test_map_lives_under_home_and_holds_initiatives(self):
        self.assertAllowedParentPageTypes(InitiativeMapPage, {HomePage})
        self.assertAllowedSubpageTypes(InitiativeMapPage, {InitiativePage})
        self.assertAllowedParentPageTypes(InitiativePage, {InitiativeMapPage})
        self.assertAllowedSubpageTypes(InitiativePage, set())
        initiative_map(self.homes["lv"])
        self.assertFalse(InitiativeMapPage.can_create_at(self.homes["lv"]))

    def test_pages_render_and_preview(self):
        map_page = initiative_map(self.homes["lv"])
        item = initiative(map_page)
        for page in (map_page, item):
            self.assertPageIsRenderable(page)
            self.assertPageIsPreviewable(page)


@pytest.fixture
def map_page(site):
    page = initiative_map(site["lv"])
    initiative(
        page,
        title="Sarunu klubs",
        languages=("lv", "uk"),
        kind=InitiativeKind.CONVERSATION_CLUB,
    )
    initiative(
        page,
        title="Digitālās prasmes",
        languages=("lv", "ru"),
        kind=InitiativeKind.DIGITAL_SKILLS,
        town="Rēzekne",
        address="Atbrīvošanas aleja 81, Rēzekne",
        latitude="56.50992",
        longitude="27.33361",
    )
    initiative(
        page,
        title="Ģimeņu vakars",
        languages=("lv", "en"),
        kind=InitiativeKind.FAMILY_EVENING,
        town="Ventspils",
        latitude="57.39452",
        longitude="21.56205",
    )
    return page


def html(client, url, data=None):
    response = client.get(url, data or {})
    assert response.status_code == 200
    return response.content.decode()


def geojson(client, map_page, data=None):
    response = client.get(map_page.url + "geojson/", data or {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    return json.loads(response.content)


def titles(collection):
    return sorted(f["properties"]["title"] for f in collection["features"])


@pytest.mark.django_db
def test_list_serves_every_initiative_without_javascript(client, map_page):
    page = html(client, map_page.url)
    for title in ("Sarunu klubs", "Digitālās prasmes", "Ģimeņu vakars"):
        assert title in page
    assert "Atbrīvošanas aleja 81, Rēzekne" in page
    assert "Otrdienās 17.30" in page
    # The map is only a hidden placeholder until the script fills it.
    assert 'id="initiative-map"' in page and " hidden" in page
    assert "leaflet-1.9.4/leaflet.js" in page


@pytest.mark.django_db
def test_filters_by_type_and_language_in_list_and_geojson(client, map_page):
    page = html(client, map_page.url, {"type": "digital-skills"})
    assert "Digitālās prasmes</a>" in page and "Sarunu klubs</a>" not in page
    page = html(client, map_page.url, {"language": "en"})
    assert "Ģimeņu vakars" in page and "Digitālās prasmes" not in page

    assert titles(geojson(client, map_page, {"language": "uk"})) == ["Sarunu klubs"]
    assert titles(geojson(client, map_page, {"type": "family-evening"})) == [
        "Ģimeņu vakars"
    ]
    both = {"type": "conversation-club", "language": "ru"}
    assert titles(geojson(client, map_page, both)) == []
    assert len(geojson(client, map_page)["features"]) == 3


@pytest.mark.django_db
def test_map_placeholder_asks_geojson_with_the_same_filters(client, map_page):
    page = html(client, map_page.url, {"type": "digital-skills", "language": "lv"})
    query = "?type=digital-skills&amp;language=lv"
    assert f'data-geojson="{map_page.url}geojson/{query}"' in page


@pytest.mark.django_db
def test_geojson_is_an_rfc7946_feature_collection_lon_lat(client, map_page):
    collection = geojson(client, map_page, {"type": "digital-skills"})
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {
        "type": "Point",
        "coordinates": [27.33361, 56.50992],  # longitude first
    }
    props = feature["properties"]
    assert props["type"] == "digital-skills"
    assert props["languages"] == ["lv", "ru"]
    assert props["url"] == InitiativePage.objects.get(title="Digitālās prasmes").url
    assert props["anchor"] == f"initiative-{feature['id']}"
    assert f'id="{props["anchor"]}"' in html(client, map_page.url)


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored_and_said(client, map_page):
    page = html(client, map_page.url, {"type": "<script>", "language": "xx"})
    assert "<script>" not in page
    assert "Atrastas 3 iniciatīvas." in page
    assert len(geojson(client, map_page, {"type": "nope"})["features"]) == 3


@pytest.mark.django_db
def test_language_filter_lists_only_languages_in_use(client, map_page):
    page = html(client, map_page.url)
    assert 'value="uk"' in page and 'value="ru"' in page
    assert 'value="de"' not in page


QUERY_VALUES = st.text(max_size=30) | st.sampled_from(
    ["conversation-club", "lv", "0", "-1", "%", "999999999999"]
)


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(kind=QUERY_VALUES, language=QUERY_VALUES, number=QUERY_VALUES)
def test_any_query_string_gets_an_answer_never_500(
    client, map_page, kind, language, number
):
    data = {"type": kind, "language": language, "page": number}
    assert client.get(map_page.url, data).status_code == 200
    response = client.get(map_page.url + "geojson/", data)
    assert response.status_code == 200
    json.loads(response.content)


@pytest.mark.django_db
def test_coordinates_out_of_range_are_refused(map_page):
    item = InitiativePage.objects.first()
    item.latitude = Decimal("91")
    item.longitude = Decimal("-181")
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert {"latitude", "longitude"} <= set(refused.value.message_dict)


@pytest.mark.django_db
def test_trainer_cannot_save_an_initiative_at_latitude_100(admin_client, map_page):
    url = f"/admin/pages/add/resources/initiativepage/{map_page.pk}/"
    response = admin_client.post(
        url,
        {
            "title": "Kļūda",
            "slug": "kluda",
            "organisation": "Bibliotēka",
            "kind": "conversation-club",
            "address": "Iela 1",
            "town": "Ogre",
            "latitude": "100",
            "longitude": "24.6",
            "schedule": "Pirmdienās",
            "languages-TOTAL_FORMS": "1",
            "languages-INITIAL_FORMS": "0",
            "languages-MIN_NUM_FORMS": "1",
            "languages-MAX_NUM_FORMS": "1000",
            "languages-0-language": "lv",
            "languages-0-ORDER": "1",
            "topics": "",
        },
    )
    assert response.status_code == 200
    assert "latitude" in response.context["form"].errors
    assert not InitiativePage.objects.filter(slug="kluda").exists()


@pytest.mark.django_db
def test_initiative_page_links_back_to_its_list_entry(client, map_page):
    item = InitiativePage.objects.get(title="Sarunu klubs")
    page = html(client, item.url)
    assert f"{map_page.url}#initiative-{item.pk}" in page
    assert "Ogres Centrālā bibliotēka" in page


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_initiatives(
    client, map_page, django_assert_max_num_queries, private_cache
):
    html(client, map_page.url)  # warm Wagtail's site-root cache
    # Routing and the base template take ten queries whatever the page; the list
    # adds its count, rows, languages and the language filter's choices.
    with django_assert_max_num_queries(16):
        html(client, map_page.url, {"language": "lv"})
    with django_assert_max_num_queries(10):
        geojson(client, map_page, {"type": "conversation-club"})
    for number in range(8):
        initiative(
            map_page,
            title=f"Klubs {number}",
            languages=("lv", "en", "uk"),
            kind=InitiativeKind.CONVERSATION_CLUB,
        )
    # Adding content starts a new content generation: warm again, then count.
    html(client, map_page.url, {"language": "lv"})
    geojson(client, map_page, {"type": "conversation-club"})
    with django_assert_max_num_queries(16):
        html(client, map_page.url, {"language": "lv"})
    with django_assert_max_num_queries(10):
        geojson(client, map_page, {"type": "conversation-club"})
    item = Page.objects.get(title="Klubs 3")
    # One level deeper: routing takes a query more, as for a webinar.
    with django_assert_max_num_queries(16):
        html(client, item.url)
