"""A trainer translates a handbook chapter into Russian in the admin (one segment in
wagtail-localize's editor, the rest through a PO file, as a translator would); a
moderator publishes it; a Russian reader reaches it from the Latvian chapter."""

from urllib.parse import unquote

from wagtail.models import Page

import polib
import pytest

from tests.e2e.conftest import Steps, axe_violations
from tests.e2e.test_trainer_journey import sign_in
from tests.factories.pages import build_site
from tests.factories.resources import chapter, handbook
from tests.factories.staff import moderator, trainer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Latvian source → Russian, as the translator's PO file carries them.
RUSSIAN = {
    "Kāpēc bibliotēka": "Почему библиотека",
    "kāpēc-bibliotēka": "почему-библиотека",
    "Bibliotēka kā vide integrācijai.": "Библиотека как среда интеграции.",
    "Kam bibliotēka ir atvērta": "Для кого открыта библиотека",
    "Bibliotēka ir atvērta visiem un bez maksas.": (
        "Библиотека открыта для всех и бесплатно."
    ),
}


def translate_po_file(path):
    """Fills every entry the trainer left empty; returns the entries' sources."""
    catalogue = polib.pofile(path.read_text())
    for entry in catalogue:
        entry.msgstr = entry.msgstr or RUSSIAN[entry.msgid]
    catalogue.save(str(path))
    return {entry.msgid for entry in catalogue}


def test_trainer_translates_a_chapter_that_a_moderator_publishes(
    live_server, browser, desktop, tmp_path
):
    homes = build_site()
    source = chapter(
        handbook(homes["lv"]),
        title="Kāpēc bibliotēka",
        summary="Bibliotēka kā vide integrācijai.",
        body=[
            ("heading", {"text": "Kam bibliotēka ir atvērta", "level": "h2"}),
            ("paragraph", "<p>Bibliotēka ir atvērta visiem un bez maksas.</p>"),
        ],
    )
    trainer()
    moderator()
    page, steps = desktop

    sign_in(page, live_server.url, "trainer")
    page.goto(f"{live_server.url}/admin/pages/{source.pk}/edit/")
    page.get_by_role("button", name="Darbības", exact=True).click()  # the header's "…"
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("Русский").check()
    steps.shot("translate-into-russian")
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("link", name="Download PO file").wait_for()
    russian = Page.objects.get(
        translation_key=source.translation_key, locale__language_code="ru"
    )
    assert page.url == f"{live_server.url}/admin/pages/{russian.pk}/edit/"
    assert not russian.live

    # The title in the editor, segment by segment.
    title = page.locator("li", has=page.get_by_role("heading", name="Nosaukums"))
    title.get_by_role("button", name="Translate").click()
    title.locator("textarea").fill(RUSSIAN["Kāpēc bibliotēka"])
    title.get_by_role("button", name="Saglabāt").click()
    title.get_by_text("Translated manually").wait_for()

    # The rest offline: download the PO file, translate it, upload it.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PO file").click()
    po_file = tmp_path / "ru.po"
    download.value.save_as(po_file)
    assert translate_po_file(po_file) == set(RUSSIAN)
    page.locator("input[type=file][name=file]").first.set_input_files(po_file)
    page.get_by_text("Successfully imported translations from PO File.").wait_for()
    steps.shot("translated-by-the-trainer")

    # A trainer may translate but not publish: the translation waits for a moderator.
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    assert page.get_by_role("button", name="Publish in Русский").count() == 0
    russian.refresh_from_db()
    assert not russian.live

    approver = browser.new_context(viewport={"width": 1280, "height": 800})
    moderation = approver.new_page()
    sign_in(moderation, live_server.url, "moderator")
    moderation.goto(f"{live_server.url}/admin/pages/{russian.pk}/edit/")
    moderation.get_by_role("button", name="Publish in Русский").click()
    moderation.get_by_text("Published").first.wait_for()
    Steps(moderation, steps.folder / "moderator").shot("published")
    approver.close()
    russian.refresh_from_db()
    assert russian.live

    # A reader on the Latvian chapter switches to Russian.
    reader = browser.new_context(viewport={"width": 360, "height": 740})
    visit = reader.new_page()
    visit.goto(live_server.url + source.url)
    visit.locator("header").get_by_role("link", name="Русский").click()
    visit.wait_for_url(
        lambda url: "/ru/" in url and unquote(url).endswith("/почему-библиотека/")
    )
    assert visit.locator("html").get_attribute("lang") == "ru"
    assert visit.locator("h1").inner_text() == "1. Почему библиотека"  # numbered
    main = visit.locator("main").inner_text()
    assert "Библиотека открыта для всех и бесплатно." in main
    assert "bez maksas" not in main
    visit.screenshot(path=steps.folder / "03-russian-chapter.png", full_page=True)
    assert axe_violations(visit) == []
    reader.close()
