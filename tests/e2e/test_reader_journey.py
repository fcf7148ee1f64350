"""A visitor on a phone switches the site to Ukrainian, reads a handbook chapter,
prints it, and finds an initiative on the map's list."""

import re

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import OUTPUT, Steps, axe_violations
from tests.factories.reading import UK, reading_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def print_to_pdf(page, path):
    """The page as Chromium prints it, and the PDF's text."""
    page.pdf(path=path, format="A4")
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_visitor_reads_a_chapter_in_ukrainian_prints_it_and_finds_an_initiative(
    live_server, browser, request, settings
):
    settings.MAP_TILES_URL = live_server.url + "/no-tiles/{z}/{x}/{y}.png"
    chapter_uk = reading_site()["chapter"]["uk"]
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="lv-LV"
    )
    page = context.new_page()
    steps = Steps(page, OUTPUT / re.sub(r"[^\w-]+", "_", request.node.name))
    found = {}

    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/lv/"
    found["home lv"] = axe_violations(page)
    steps.shot("home-lv")

    page.locator(".language-switcher a[hreflang=uk]").click()
    page.wait_for_url(live_server.url + "/uk/")
    assert page.get_attribute("html", "lang") == "uk"
    found["home uk"] = axe_violations(page)
    steps.shot("home-uk")

    page.locator(".main-nav").get_by_role("link", name=UK["handbook"]).click()
    found["handbook uk"] = axe_violations(page)
    steps.shot("handbook-uk")
    page.locator("main").get_by_role("link", name=UK["chapter"]).click()
    page.wait_for_url(live_server.url + chapter_uk.url)
    assert "Бібліотека запрошує самоврядування" in page.inner_text("main")
    found["chapter uk"] = axe_violations(page)
    steps.shot("chapter-uk")

    # Printed: the site's header, footer and navigation stay off the paper.
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer", ".breadcrumb", ".page-toc"):
        assert page.locator(chrome).is_hidden(), chrome
    assert page.locator("main h1").is_visible()
    steps.shot("chapter-uk-print")
    text = print_to_pdf(page, steps.folder / "chapter-uk.pdf")
    assert "Перша зустріч" in text
    assert "Домовитися про зустріч" in text
    assert "AMIF" not in text  # the footer's funding notice
    page.emulate_media(media="screen")

    page.locator(".main-nav").get_by_role("link", name=UK["map"]).click()
    initiatives = page.locator(".initiative-list")
    assert initiatives.get_by_role("link", name=UK["initiative"]).is_visible()
    assert "Щовівторка о 17:30" in initiatives.inner_text()
    found["map uk"] = axe_violations(page)
    steps.shot("map-list-uk")
    initiatives.get_by_role("link", name=UK["initiative"]).click()
    assert page.locator("h1").inner_text() == UK["initiative"]
    found["initiative uk"] = axe_violations(page)
    steps.shot("initiative-uk")

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + chapter_uk.url)
    found["chapter uk at 1280px"] = axe_violations(page)
    steps.shot("chapter-uk-1280px")
    context.close()
    assert {name: v for name, v in found.items() if v} == {}
