"""Every public page type passes axe-core's WCAG 2.1 AA rules in Chromium."""

from django.core.management import call_command

import pytest

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


def test_public_pages_have_no_axe_violations(live_server, desktop, phone):
    call_command("load_demo")
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


def test_subscription_pages_have_no_axe_violations(live_server, phone):
    call_command("load_demo")
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
