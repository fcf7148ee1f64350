"""A visitor on a phone: Latvian first, keyboard skip link, switch to English."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def has_horizontal_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_visitor_reads_home_on_a_phone_and_switches_language(live_server, demo, phone):
    page, steps = phone

    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/lv/"
    assert page.get_attribute("html", "lang") == "lv"
    assert page.locator("h1").count() == 1
    assert not has_horizontal_scroll(page)
    steps.shot("home-lv-320px")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#main"
    assert skip.is_visible()
    steps.shot("skip-link-focused")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + "/en/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "LIBRI learning platform for librarians"
    steps.shot("home-en")

    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="About LIBRI"
    ).click()
    page.wait_for_url(live_server.url + "/en/about-libri/")
    assert "AMIF-2023-TF2-AG-CALL-AMIF" in page.content()
    assert not has_horizontal_scroll(page)
    steps.shot("about-en")
