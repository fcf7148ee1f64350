"""Wagtail autosaves a new page in the background; a trainer who submits it while
that first autosave is on its way gets one page, submitted, and no error."""

import pytest

from resources.models import WebinarPage
from tests.e2e.test_trainer_journey import open_action_menu, sign_in
from tests.factories.pages import build_site
from tests.factories.resources import webinar_index
from tests.factories.staff import trainer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Digitālās prasmes: ieraksts"
# Wagtail starts watching the form for edits (and so autosaving) 2 s after it loads.
WATCHING_EDITS = """() => window.wagtail.app.getControllerForElementAndIdentifier(
    document.getElementById("page-edit-form"), "w-unsaved"
)?.initialFormData"""


def test_a_submit_during_the_first_autosave_creates_one_page(live_server, desktop):
    index = webinar_index(build_site()["lv"])
    trainer("trainer")
    page, steps = desktop
    create_url = f"{live_server.url}/admin/pages/add/resources/webinarpage/{index.pk}/"
    held = []

    def hold_autosave_answer(route):
        """Let the autosave reach the server (the page is created) but keep its
        answer from the browser until the trainer has pressed submit."""
        if route.request.headers.get("accept") != "application/json":
            route.continue_()
            return
        held.append((route, route.fetch()))

    page.route(create_url, hold_autosave_answer)
    sign_in(page, live_server.url, "trainer")
    page.goto(create_url)
    page.wait_for_function(WATCHING_EDITS)
    page.fill("#id_title", TITLE)
    page.fill("#id_start", "2026-12-01 10:00")
    page.keyboard.press("Escape")
    page.fill("#id_summary", "Kā palīdzēt apmeklētājiem ar e-pakalpojumiem.")
    for _ in range(100):  # the autosave follows the last edit by about a second
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "Wagtail did not autosave the new page"
    assert WebinarPage.objects.filter(title=TITLE).count() == 1

    open_action_menu(page)
    page.locator("button[name=action-submit]").click()
    page.wait_for_timeout(500)  # time enough for an unguarded form to post again
    route, answer = held.pop()
    route.fulfill(response=answer)
    page.wait_for_url(f"{live_server.url}/admin/pages/{index.pk}/")
    steps.shot("submitted-once")

    webinar = WebinarPage.objects.get(title=TITLE)
    assert webinar.current_workflow_state.status == "in_progress"
    assert not webinar.live
