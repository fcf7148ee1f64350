"""The search box in Chromium: keyboard suggestions; results and fallback pass axe."""

import pytest

from tests.e2e.conftest import axe_violations
from tests.factories.pages import build_site, content_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_suggestions_are_reachable_by_keyboard_and_results_pass_axe(
    live_server, desktop, phone
):
    homes = build_site()
    target = content_page(
        homes["lv"], title="Hakatonu rokasgrāmata", summary="hakatons"
    )
    content_page(homes["lv"], title="Par partnerību", summary="Partnerība hakatonā.")
    untranslated = content_page(homes["lv"], title="Tikai latviski")
    page, steps = desktop
    page.goto(live_server.url + "/lv/search/")
    page.fill("#search-query", "hakat")
    suggestion = page.locator(".autocomplete a", has_text="Hakatonu rokasgrāmata")
    suggestion.wait_for()
    steps.shot("suggestions")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == target.title
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target.url}")

    found = {}
    for viewport in (desktop, phone):
        browser_page, steps = viewport
        for name, path in [
            ("results", "/lv/search/?query=hakatons"),
            ("fallback", "/en/" + untranslated.url.removeprefix("/lv/")),
        ]:
            browser_page.goto(live_server.url + path)
            steps.shot(name)
            if violations := axe_violations(browser_page):
                found[f"{name} at {browser_page.viewport_size['width']}px"] = violations
    assert found == {}
