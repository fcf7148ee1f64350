"""Light and robust: weight budgets, only the site's own host, reading without JS."""

from urllib.parse import urlsplit

import pytest

from courses.models import CoursePage, LessonPage
from resources.models import HandbookChapterPage, WebinarPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE_BUDGET_BYTES = 200_000
SCRIPT_BUDGET_BYTES = 50_000


def first_live(model, language, **filters):
    return model.objects.live().filter(locale__language_code=language, **filters)[0]


def has_horizontal_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_lesson_page_fits_the_budget_and_reading_pages_work_without_javascript(
    live_server, browser, demo
):
    lesson = first_live(LessonPage, "lv")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(live_server.url + lesson.url, wait_until="networkidle")

    own_host = urlsplit(live_server.url).netloc
    hosts = {urlsplit(response.url).netloc for response in responses}
    assert hosts == {own_host}
    sizes = {response.url: len(response.body()) for response in responses}
    scripts = sum(
        size
        for response, size in zip(responses, sizes.values(), strict=True)
        if "javascript" in response.headers.get("content-type", "")
    )
    total = sum(sizes.values())
    print(f"\nlesson page: {len(sizes)} requests, {total} B, of which JS {scripts} B")
    assert total < PAGE_BUDGET_BYTES, sizes
    assert scripts < SCRIPT_BUDGET_BYTES, sizes
    context.close()
    reading_pages_work_without_javascript_on_a_phone(live_server, browser)


def reading_pages_work_without_javascript_on_a_phone(live_server, browser):
    """Part of the test above, which has loaded the demo (it takes a while)."""
    webinar = WebinarPage.objects.live().filter(locale__language_code="lv")
    webinar = webinar.exclude(transcript="")[0]
    pages = {
        "handbook-chapter": first_live(HandbookChapterPage, "lv").url,
        "course": first_live(CoursePage, "en").url,
        "lesson": first_live(LessonPage, "en").url,
        "webinar-transcript": webinar.url,
        "search": "/lv/search/?query=hakatons",
    }
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, java_script_enabled=False
    )
    page = context.new_page()
    for name, url in pages.items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, name
        main = page.locator("main")
        assert main.locator("h1").count() == 1, name
        assert len(main.inner_text()) > 200, name
        assert not has_horizontal_scroll(page), name
    page.goto(live_server.url + webinar.url)
    transcript = page.locator(".transcript")
    assert transcript.is_visible()
    assert "prakses kopiena" in transcript.inner_text().lower()
    context.close()
