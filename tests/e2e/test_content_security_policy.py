"""Under the Content Security Policy, public pages and the admin editor still work."""

import re

import pytest

from community.tokens import manage_token
from tests.factories.community import subscriber
from tests.factories.staff import PASSWORD, administrator, sample_site, trainer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
PUBLIC_PAGES = [
    "about",
    "catalogue",
    "course",
    "lesson",
    "handbook",
    "chapter",
    "webinars",
    "webinar",
    "subscribe",
]


def watch(page):
    """Collect CSP violation events and console errors of ``page``; return the list."""
    problems = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return problems


def violations(page, problems):
    return problems + page.evaluate("window.cspViolations")


def log_in(page, base_url, user):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + "/admin/")


def test_public_pages_raise_no_csp_violation(live_server, desktop):
    pages = sample_site()
    token = manage_token(subscriber(email="lasitava@example.org"))
    paths = [pages[name].url for name in PUBLIC_PAGES]
    paths += ["/lv/", "/lv/search/?query=LIBRI", f"/lv/community/preferences/{token}/"]
    page, steps = desktop
    problems = watch(page)
    for path in paths:
        response = page.goto(live_server.url + path)
        policy = response.headers["content-security-policy"]
        assert re.search(r"script-src 'self'(;|$)", policy), path
        page.wait_for_load_state("networkidle")
        assert violations(page, problems) == [], path
    steps.shot("preferences-under-csp")


def test_admin_editor_and_preview_load_without_csp_errors(live_server, desktop):
    lesson = sample_site()["lesson"]
    page, steps = desktop
    problems = watch(page)
    log_in(page, live_server.url, administrator())
    page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    page.click("button[data-side-panel-toggle='preview']")
    # Wagtail loads the preview in a second iframe, then swaps it for the first.
    preview = page.frame_locator("iframe[src*='in_preview_panel']")
    assert preview.locator("h1").inner_text() == lesson.title
    steps.shot("lesson-editor-with-preview")
    assert violations(page, problems) == []
    page.goto(live_server.url + lesson.url)
    page.wait_for_load_state("networkidle")
    assert page.locator("wagtail-userbar").count() == 1
    assert violations(page, problems) == []


def test_trainer_submits_a_chapter_for_moderation_in_chromium(live_server, desktop):
    chapter = sample_site()["chapter"]
    page, steps = desktop
    problems = watch(page)
    log_in(page, live_server.url, trainer())
    page.goto(f"{live_server.url}/admin/pages/{chapter.pk}/edit/")
    page.fill("#id_title", "Nodaļa (labota)")
    assert page.locator("button[name='action-publish']").count() == 0
    page.locator("footer [data-w-dropdown-target='toggle']").click()
    steps.shot("trainer-opens-actions")
    page.click("button[name='action-submit']")
    page.wait_for_url(f"{live_server.url}/admin/pages/{chapter.get_parent().pk}/")
    steps.shot("trainer-submitted")
    chapter.refresh_from_db()
    assert chapter.current_workflow_state.status == "in_progress"
    assert chapter.title == "Nodaļa"
    assert violations(page, problems) == []
