"""Every public page type passes axe-core's WCAG 2.1 AA rules in Chromium."""

from django.core.management import call_command

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    ("home-lv", "/lv/"),
    ("home-uk", "/uk/"),
    ("about-en", "/en/about-libri/"),
    ("search-results", "/lv/search/?query=LIBRI"),
    ("search-empty", "/ru/search/?query=zzzz"),
    ("not-found", "/lv/nav-tadas-lapas/"),
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
