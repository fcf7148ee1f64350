"""Every public page type passes axe-core's WCAG 2.1 AA rules in Chromium."""

import pytest
from playwright.sync_api import expect

from community.tokens import manage_token
from tests.e2e.conftest import axe_violations
from tests.factories.community import subscriber

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    ("home-lv", "/lv/"),
    ("home-uk", "/uk/"),
    ("about-en", "/en/about-libri/"),
    ("search-results", "/lv/search/?query=LIBRI"),
    ("search-empty", "/ru/search/?query=zzzz"),
    ("not-found", "/lv/nav-tadas-lapas/"),
    ("subscribe", "/en/subscribe/"),
    ("accessibility-statement-uk", "/uk/accessibility/"),
]


def test_public_pages_have_no_axe_violations(live_server, demo, desktop, phone):
    found = {}
    for viewport in (desktop, phone):
        page, steps = viewport
        for name, path in PAGES:
            page.goto(live_server.url + path)
            steps.shot(name)
            violations = axe_violations(page)
            if violations:
                found[f"{name} at {page.viewport_size['width']}px"] = violations
    assert found == {}


def test_subscription_pages_have_no_axe_violations(live_server, demo, phone):
    member = subscriber(language="lv")
    page, steps = phone
    found = {}
    page.goto(live_server.url + "/lv/pieteikties/")
    page.locator("form.form button[type=submit]").click()
    steps.shot("subscribe-errors")
    found["subscribe with errors"] = axe_violations(page)
    for name, path in [
        ("preferences", f"/lv/community/preferences/{manage_token(member)}/"),
        ("unsubscribe", f"/unsubscribe/{manage_token(member)}/"),
        ("invalid link", "/lv/community/confirm/broken/"),
    ]:
        page.goto(live_server.url + path)
        steps.shot(name.replace(" ", "-"))
        found[name] = axe_violations(page)
    assert {name: v for name, v in found.items() if v} == {}


def test_axe_check_reports_a_broken_page(desktop):
    """Guards the harness: a page with known faults must not pass."""
    page, _ = desktop
    page.set_content(
        '<html><body><img src="data:,"><input type="text"><a href="#"></a>'
        "</body></html>"
    )
    found = " ".join(axe_violations(page))
    assert "image-alt" in found
    assert "label" in found
    assert "html-has-lang" in found


LIBRARY_PAGES = [
    ("tools-lv", "/lv/metodiskie-riki/"),
    ("tool-en", "/en/tools/local-diagnostics-guide/"),
    ("phrasebook-lv", "/lv/metodiskie-riki/sarunvardnica/"),
    ("phrasebook-search-en", "/en/tools/phrasebook/?q=wi-fi&visitor=ru"),
    ("practices-lv", "/lv/laba-prakse/"),
    ("practices-filtered-en", "/en/good-practices/?country=LV&group=families"),
    ("practice-en", "/en/good-practices/conversation-clubs/"),
    ("news-lv", "/lv/jaunumi/"),
    ("news-item-en", "/en/news/five-hackathons/"),
]


def test_library_pages_have_no_axe_violations(live_server, demo, desktop, phone):
    found = {}
    for viewport in (desktop, phone):
        page, steps = viewport
        for name, path in LIBRARY_PAGES:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            steps.shot(name)
            violations = axe_violations(page)
            if violations:
                found[f"{name} at {page.viewport_size['width']}px"] = violations
    assert found == {}


def test_phrasebook_filters_as_one_types_and_prints_as_cards(live_server, demo, phone):
    page, steps = phone
    page.goto(live_server.url + "/en/tools/phrasebook/")
    cards = page.locator("[data-phrase]")
    total = cards.count()
    assert total >= 20
    page.fill("#phrase-q", "wi-fi")
    expect(page.locator("[data-phrase]:not([hidden])")).to_have_count(1)
    assert page.locator("[data-phrase-count]").inner_text() == "Phrases shown: 1"
    assert page.locator("[data-situation]:not([hidden])").count() == 1
    steps.shot("typed")
    page.fill("#phrase-q", "")
    expect(page.locator("[data-phrase]:not([hidden])")).to_have_count(total)
    # One column on the phone; two cards across an A4 sheet in print.
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert second["y"] > first["y"] and abs(second["x"] - first["x"]) < 1
    page.emulate_media(media="print")
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert abs(second["y"] - first["y"]) < 1 and second["x"] > first["x"]
    assert page.locator(".phrase-form").is_hidden()
    steps.shot("print")
