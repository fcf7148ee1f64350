"""The initiatives map in Chromium: markers by keyboard, the list without JavaScript."""

import re

import pytest

from resources.models import InitiativeKind
from tests.e2e.conftest import OUTPUT, Steps, axe_violations
from tests.factories.initiatives import initiative, initiative_map
from tests.factories.pages import build_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (360, 1280)


@pytest.fixture
def map_url(live_server, settings):
    # Tiles from this server, where none exist: the map must cope with failing tiles.
    settings.MAP_TILES_URL = live_server.url + "/no-tiles/{z}/{x}/{y}.png"
    homes = build_site()
    page = initiative_map(homes["lv"], intro="Atbalsta iniciatīvas Latvijā.")
    initiative(page, title="Sarunu klubs", languages=("lv", "uk"))
    initiative(
        page,
        title="Digitālās prasmes",
        languages=("lv", "ru"),
        kind=InitiativeKind.DIGITAL_SKILLS,
        town="Rēzekne",
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
    return live_server.url + page.url


def open_page(browser, request, width, javascript=True):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="lv")
    page = context.new_page()
    if not javascript:  # as when scripts are blocked or fail to load
        page.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    name = re.sub(r"[^\w-]+", "_", request.node.name)
    return context, page, Steps(page, OUTPUT / name / str(width))


def test_map_markers_work_by_keyboard_and_lead_to_the_list(browser, request, map_url):
    found = {}
    for width in WIDTHS:
        context, page, steps = open_page(browser, request, width)
        page.goto(map_url)
        markers = page.locator(".map-marker")
        markers.first.wait_for()
        assert markers.count() == 3
        # No tile loads here: the map says so, and the list stays.
        page.locator("#initiative-map-status:not(:empty)").wait_for()
        steps.shot("map")
        found[f"map at {width}px"] = axe_violations(page)

        marker = page.get_by_role("button", name="Digitālās prasmes")
        marker.focus()
        page.keyboard.press("Enter")
        popup_link = page.locator(".leaflet-popup a", has_text="Digitālās prasmes")
        popup_link.wait_for()
        assert popup_link.evaluate("a => a === document.activeElement")
        href = popup_link.get_attribute("href")
        assert re.fullmatch(r"#initiative-\d+", href)
        steps.shot("popup")
        page.keyboard.press("Enter")
        entry = page.locator(href)
        assert entry.evaluate("li => li === document.activeElement")
        assert "Digitālās prasmes" in entry.inner_text()
        context.close()
    assert {name: v for name, v in found.items() if v} == {}


def test_list_serves_everything_without_javascript(browser, request, map_url):
    found = {}
    for width in WIDTHS:
        context, page, steps = open_page(browser, request, width, javascript=False)
        page.goto(map_url)
        assert page.locator("#initiative-map").is_hidden()
        assert page.locator(".initiative-list > li").count() == 3
        steps.shot("list")
        found[f"list at {width}px"] = axe_violations(page)

        page.select_option("#language-filter", "ru")
        page.get_by_role("button", name="Rādīt").click()
        page.wait_for_url(re.compile(r"language=ru"))
        assert page.locator(".initiative-list > li").count() == 1
        assert "Digitālās prasmes" in page.locator(".initiative-list").inner_text()
        steps.shot("filtered")
        context.close()
    assert {name: v for name, v in found.items() if v} == {}
