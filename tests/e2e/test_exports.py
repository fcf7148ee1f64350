"""Exported courses in a real browser, from disk: the offline pack, and a SCORM
package that a trainer exports from the admin, run in a fake LMS."""

import io
import zipfile

from django.db import connections

import pytest
from playwright.sync_api import sync_playwright

from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, OUTPUT, Steps, axe_violations
from tests.e2e.test_trainer_journey import sign_in
from tests.factories.courses import catalogue, exportable_course
from tests.factories.pages import build_site
from tests.factories.staff import trainer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# An LMS's window for the test: it holds a fake SCORM 1.2 API that records every
# call, and shows the package's launch page in a frame, as LMSs do.
FAKE_LMS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Fake LMS</title>
<script>
window.calls = [];
function record(name, result) {
  return function () {
    window.calls.push([name].concat(Array.prototype.slice.call(arguments)));
    return result;
  };
}
// What the LMS keeps for the learner between launches.
window.stored = {"cmi.core.lesson_status": "not attempted"};
window.API = {
  LMSInitialize: record("LMSInitialize", "true"),
  LMSFinish: record("LMSFinish", "true"),
  LMSGetValue: function (key) {
    record("LMSGetValue")(key);
    return window.stored[key] || "";
  },
  LMSSetValue: function (key, value) {
    window.stored[key] = value;
    return record("LMSSetValue", "true")(key, value);
  },
  LMSCommit: record("LMSCommit", "true"),
  LMSGetLastError: record("LMSGetLastError", "0"),
  LMSGetErrorString: record("LMSGetErrorString", ""),
  LMSGetDiagnostic: record("LMSGetDiagnostic", ""),
};
</script></head>
<body><iframe id="sco" src="package/launch.html" title="Course"
  width="1200" height="760"></iframe></body></html>
"""
COMPLETED = ["LMSSetValue", "cmi.core.lesson_status", "completed"]


@pytest.fixture
def module(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return exportable_course(catalogue(build_site()["lv"]))


def extract(content, folder):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        archive.extractall(folder)
    return folder


def test_offline_pack_opens_from_disk_with_its_images(
    live_server, desktop, module, tmp_path
):
    page, steps = desktop
    trainer()
    sign_in(page, live_server.url, "trainer")
    page.goto(live_server.url + module.url)
    steps.shot("course-page")
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Lejupielādēt bezsaistes pakotni").click()
    pack = tmp_path / "offline.zip"
    download.value.save_as(pack)
    folder = extract(pack.read_bytes(), tmp_path / "offline")

    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((folder / "index.html").as_uri())
    assert page.locator("h1").inner_text() == module.title
    assert page.get_by_text("Vadīt fokusgrupu").is_visible()  # an outcome
    steps.shot("index-from-disk")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Kāpēc diagnostika").click()
    page.wait_for_load_state("load")
    assert page.url == (folder / "lesson-01.html").as_uri()
    image = page.locator("figure img")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 800
    steps.shot("lesson-with-image")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Intervijas").last.click()
    page.wait_for_load_state("load")
    assert page.get_by_text("Stenogramma: mēs runājam par lasītājiem.").is_visible()
    assert page.locator("input, form, video, iframe").count() == 0
    steps.shot("lesson-with-transcript-and-questions")
    assert requests, "the pages were loaded"
    assert [url for url in requests if not url.startswith("file://")] == []


@pytest.fixture
def lms_page(request, monkeypatch):
    """A page in a Chromium that lets files on disk script each other's frames.

    An LMS serves a package from its own origin, so the package and the LMS's
    window share it; from disk, Chromium gives each file an origin of its own
    unless told otherwise. (Like conftest's ``browser``: the ORM may run while
    Playwright's loop does, and the connections it opens are closed after.)
    """
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[*CHROMIUM_FLAGS, "--allow-file-access-from-files"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="lv-LV")
        yield page, Steps(page, OUTPUT / request.node.name)
        browser.close()
        connections.close_all()


def calls(page):
    return page.evaluate("window.calls")


def download_scorm_from_the_admin(page, steps, base_url, course, tmp_path):
    """A trainer signs in, opens the course in the admin and exports it."""
    trainer()
    sign_in(page, base_url, "trainer")
    page.goto(f"{base_url}/admin/pages/{course.pk}/edit/")
    page.get_by_role("button", name="Darbības", exact=True).click()  # the header's "…"
    export = page.get_by_role("link", name="Eksportēt SCORM 1.2 formātā")
    export.wait_for()
    steps.shot("admin-export-menu")
    with page.expect_download() as download:
        export.click()
    assert download.value.suggested_filename.endswith(".zip")
    package = tmp_path / "scorm.zip"
    download.value.save_as(package)
    return package


def test_scorm_package_reports_completion_to_the_lms(
    live_server, lms_page, module, tmp_path
):
    page, steps = lms_page
    package = download_scorm_from_the_admin(
        page, steps, live_server.url, module, tmp_path
    )
    extract(package.read_bytes(), tmp_path / "package")
    (tmp_path / "lms.html").write_text(FAKE_LMS)

    page.goto((tmp_path / "lms.html").as_uri())
    lesson = page.frame_locator("#sco").frame_locator("#lesson-frame")
    lesson.locator("h1").wait_for()
    page.wait_for_function("window.calls.length >= 3")
    steps.shot("launched")
    assert calls(page)[0] == ["LMSInitialize", ""]
    assert ["LMSSetValue", "cmi.core.lesson_status", "incomplete"] in calls(page)

    lesson.get_by_role("link", name="Kāpēc diagnostika").click()
    lesson.locator("figure img").wait_for()
    steps.shot("first-lesson")
    lesson.locator("a[rel=next]").click()
    lesson.get_by_text("Stenogramma").wait_for()
    page.wait_for_function(
        "window.calls.some(c => c[1] === 'cmi.core.lesson_location' && c[2] === '2')"
    )
    assert COMPLETED not in calls(page)
    steps.shot("second-lesson")

    lesson.locator("a[rel=next]").click()
    page.wait_for_function(
        "window.calls.some(c => c.join() === 'LMSSetValue,cmi.core.lesson_status,"
        "completed')"
    )
    steps.shot("last-lesson-completed")
    recorded = calls(page)
    assert recorded.index(COMPLETED) < len(recorded) - 1
    assert recorded[recorded.index(COMPLETED) + 1] == ["LMSCommit", ""]
    assert ["LMSFinish", ""] not in recorded

    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.calls.some(c => c[0] === 'LMSFinish')")
    assert calls(page)[-2:] == [["LMSCommit", ""], ["LMSFinish", ""]]
    steps.shot("left-the-course")

    # Launched again: the course stays completed and opens where it was left.
    page.evaluate("window.calls = []")
    page.evaluate("document.getElementById('sco').src = 'package/launch.html'")
    lesson.get_by_role("heading", name="Pārskats", level=1).wait_for()
    steps.shot("relaunched-at-the-last-lesson")
    assert calls(page)[0] == ["LMSInitialize", ""]
    assert not [call for call in calls(page) if "incomplete" in call]
