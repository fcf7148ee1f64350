"""The pages people read, in Latvian and Ukrainian, on a 360 px phone and a 1280 px
desktop: no sideways scrolling, one h1, no axe violations, and a screenshot each
for a person to look at (test-output/e2e/<test>/<width>/)."""

import re

import pytest

from tests.e2e.conftest import OUTPUT, Steps, axe_violations
from tests.factories.reading import reading_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (360, 1280)
SEARCHES = {"lv": "partnerība", "uk": "партнерство"}


def has_horizontal_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_reading_pages_fit_a_phone_and_a_desktop_in_latvian_and_ukrainian(
    live_server, browser, request, settings
):
    settings.MAP_TILES_URL = live_server.url + "/no-tiles/{z}/{x}/{y}.png"
    site = reading_site()
    folder = OUTPUT / re.sub(r"[^\w-]+", "_", request.node.name)
    found = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        steps = Steps(page, folder / str(width))
        for language in ("lv", "uk"):
            urls = {kind: pages[language].url for kind, pages in site.items()}
            urls["search"] = f"/{language}/search/?query={SEARCHES[language]}"
            for kind, url in urls.items():
                response = page.goto(live_server.url + url)
                name = f"{kind}-{language}"
                assert response.status == 200, name
                assert page.locator("main h1").count() == 1, name
                assert not has_horizontal_scroll(page), f"{name} at {width}px"
                steps.shot(name)
                if violations := axe_violations(page):
                    found[f"{name} at {width}px"] = violations
        context.close()
    assert found == {}
