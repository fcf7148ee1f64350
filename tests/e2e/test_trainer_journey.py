"""A trainer writes a webinar in the admin with a recording and a transcript; a
moderator approves it; a visitor finds it through the search and on the home page."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest

from resources.models import WebinarPage
from search.models import SearchEntry
from tests.e2e.conftest import Steps, axe_violations
from tests.factories.pages import build_site
from tests.factories.resources import webinar_index
from tests.factories.staff import PASSWORD, moderator, trainer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Sarunu klubi bibliotēkā: ieraksts"
TRANSCRIPT = "Vadītāja stāsta, kā sarunu klubs palīdz apgūt valodu."
# MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono; an all-zero body is a silent frame.
MP3_FRAME = b"\xff\xfb\x90\xc0" + bytes(413)


def silent_mp3(path, seconds=1):
    """A real, playable MP3 file of silence (1152 samples per frame)."""
    frames = round(seconds * 44_100 / 1152)
    path.write_bytes(MP3_FRAME * frames)
    return path


def sign_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base_url + "/admin/")


def open_action_menu(page):
    """The footer's "more actions" toggle, next to the primary button."""
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()


def fill_rich_text(page, field_name, text):
    editor = page.locator(f"[data-field-wrapper]:has(#id_{field_name})")
    editor.locator("[contenteditable=true]").click()
    page.keyboard.type(text)


def upload_recording_in_chooser(page, field_name, path, title):
    """Choose a file for a document field by uploading it in the chooser's modal."""
    page.locator(
        f"#id_{field_name}-chooser .unchosen [data-chooser-action-choose]"
    ).click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab").nth(1).wait_for()
    modal.locator("#tab-label-upload").click()
    modal.locator("#id_document-chooser-upload-file").set_input_files(str(path))
    modal.locator("#id_document-chooser-upload-title").fill(title)
    modal.locator("form button[type=submit]").click()
    modal.wait_for(state="hidden")


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_trainer_publishes_a_webinar_that_visitors_find(
    live_server, browser, desktop, media_root, tmp_path
):
    homes = build_site()
    index = webinar_index(homes["lv"])
    trainer("trainer")
    moderator("moderator")
    recording = silent_mp3(tmp_path / "sarunu-klubs.mp3")
    page, steps = desktop
    found = {}

    sign_in(page, live_server.url, "trainer")
    steps.shot("admin-dashboard")
    page.goto(f"{live_server.url}/admin/pages/{index.pk}/")
    steps.shot("webinar-index-in-explorer")
    page.goto(f"{live_server.url}/admin/pages/add/resources/webinarpage/{index.pk}/")
    page.fill("#id_title", TITLE)
    start = timezone.localtime() - timedelta(days=3)
    page.fill("#id_start", start.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")
    page.fill("#id_summary", "Kā sākt sarunu klubu un kā to vadīt.")
    fill_rich_text(page, "transcript", TRANSCRIPT)
    upload_recording_in_chooser(page, "recording_file", recording, "Sarunu klubs")
    steps.shot("webinar-form-filled")

    # A trainer may not publish: the page goes to the moderators.
    open_action_menu(page)
    assert page.locator("button[name=action-publish]").count() == 0
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{index.pk}/")
    steps.shot("submitted-for-moderation")
    webinar = WebinarPage.objects.get(title=TITLE)
    assert not webinar.live
    assert webinar.recording_file.file_extension == "mp3"
    assert TRANSCRIPT in webinar.get_latest_revision_as_object().transcript

    approver = browser.new_context(viewport={"width": 1280, "height": 800})
    moderation = approver.new_page()
    sign_in(moderation, live_server.url, "moderator")
    moderation_steps = Steps(moderation, steps.folder / "moderator")
    assert moderation.locator("main").get_by_text(TITLE).is_visible()
    moderation_steps.shot("dashboard-awaiting-review")
    moderation.goto(f"{live_server.url}/admin/pages/{webinar.pk}/edit/")
    open_action_menu(moderation)
    moderation.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    moderation.wait_for_url(f"{live_server.url}/admin/pages/{index.pk}/")
    moderation_steps.shot("approved")
    approver.close()
    webinar.refresh_from_db()
    assert webinar.live
    assert SearchEntry.objects.filter(page_id=webinar.pk).exists()

    # The public site: the search box finds it, the home page lists it.
    page.goto(live_server.url + "/lv/")
    page.locator("header a[href='/lv/search/']").click()
    page.fill("#search-query", "sarunu klubs")
    page.locator("form[role=search] button[type=submit]").click()
    result = page.locator("main").get_by_role("link", name=re.compile("Sarunu klubi"))
    assert result.count() == 1
    found["search results"] = axe_violations(page)
    steps.shot("found-in-search")
    result.click()
    page.wait_for_url(live_server.url + webinar.url)
    assert TRANSCRIPT in page.locator(".transcript").inner_text()
    duration = page.evaluate(
        """() => new Promise(resolve => {
            const audio = document.querySelector('audio.player');
            if (audio.readyState >= 1) resolve(audio.duration);
            audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
            audio.addEventListener('error', () => resolve(-1));
        })"""
    )
    assert duration > 0.5
    found["webinar"] = axe_violations(page)
    steps.shot("webinar-page")

    page.goto(live_server.url + "/lv/")
    latest = page.locator("section[aria-labelledby=latest-heading]")
    assert latest.get_by_role("link", name=TITLE).is_visible()
    found["home"] = axe_violations(page)
    steps.shot("home-latest-materials")
    assert {name: v for name, v in found.items() if v} == {}
