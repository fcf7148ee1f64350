"""A new librarian registers, takes a module across two languages, completes it,
downloads the certificate and opens its verification link; a trainer sees them."""

import io
import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from courses.models import CoursePage, LessonPage
from learning.models import Certificate
from tests.e2e.conftest import Steps, axe_violations
from tests.factories.staff import PASSWORD as STAFF_PASSWORD
from tests.factories.staff import trainer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EMAIL = "ilze.berzina@valmiera.example.lv"
NAME = "Ilze Bērziņa"
PASSWORD = "gramatas-un-kopiena-2026"


@pytest.fixture
def mail_to_sink(settings, smtp_sink):
    """The live server sends its mail through the real SMTP sink."""
    host, port = smtp_sink.url.removeprefix("smtp://").split(":")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = host
    settings.EMAIL_PORT = int(port)
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return smtp_sink


def check_answers(lesson):
    """[(answer id, is correct)] per question of the lesson's knowledge check."""
    check = next(iter(lesson.knowledge_checks().values()))
    return [
        [(a.id, a.value["is_correct"]) for a in q.value["answers"].bound_blocks]
        for q in check["questions"].bound_blocks
    ]


def answer(page, questions, right):
    for answers in questions:
        wrong_one = next(id_ for id_, correct in answers if not correct)
        for id_, correct in answers:
            chosen = correct if right else id_ == wrong_one
            page.locator(f"#answer-{id_}").set_checked(chosen)
    page.get_by_role("button", name="Check my answers").click()


def test_librarian_registers_learns_and_completes_a_module(
    live_server, phone, mail_to_sink, settings, demo
):
    # The certificate's QR code carries an absolute URL: make it the live server's.
    settings.BASE_URL = live_server.url
    course_lv = CoursePage.objects.get(slug="vieteja-diagnostika")
    last_en = LessonPage.objects.get(slug="diagnostic-report")
    page, steps = phone
    found = {}

    # Register in Latvian, from the header's sign-in link.
    page.goto(live_server.url + course_lv.url)
    assert page.locator("header a[href^='/lv/accounts/login/']").is_visible()
    page.locator("header a[href^='/lv/accounts/login/']").click()
    found["sign in"] = axe_violations(page)
    steps.shot("sign-in")
    page.locator("main a[href^='/lv/accounts/signup/']").first.click()
    page.fill("#id_email", EMAIL)
    page.fill("#id_full_name", NAME)
    page.fill("#id_password1", "123")
    page.fill("#id_password2", "456")
    page.fill("#id_organisation", "Valmieras bibliotēka")
    page.select_option("#id_preferred_language", "lv")
    page.locator("main form button[type=submit]").click()
    assert page.locator("[aria-invalid=true]").count() >= 1
    found["sign up with errors"] = axe_violations(page)
    steps.shot("sign-up-errors")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/lv/accounts/confirm-email/$"))
    found["confirmation sent"] = axe_violations(page)
    steps.shot("confirmation-sent")

    # Confirm from the email the SMTP sink received.
    message = mail_to_sink.wait_for(EMAIL)
    link = re.search(r"https?://\S+/confirm-email/\S+/", message.get_content()).group(0)
    page.goto(link)
    found["confirm email"] = axe_violations(page)
    steps.shot("confirm-email")
    page.locator("main form button[type=submit]").click()
    # Signed in, and back at the course the sign-in link was followed from.
    page.wait_for_url(live_server.url + course_lv.url)
    page.locator("header a[href='/lv/learning/']").click()
    found["empty dashboard"] = axe_violations(page)
    steps.shot("dashboard-empty")

    # Enrol and take two lessons in Latvian.
    page.goto(live_server.url + course_lv.url)
    page.locator(".progress-box form button").click()
    steps.shot("enrolled")
    page.locator(".progress-box a.button").click()
    for number in (1, 2):
        page.locator(".progress-box form button").click()
        assert page.locator(".progress-box__done").is_visible()
        steps.shot(f"lesson-{number}-complete")
        page.locator(".progress-box a").last.click()

    # Sign out and in again: the dashboard remembers.
    page.goto(live_server.url + "/lv/learning/")
    page.locator("main form[action$='/accounts/logout/'] button").click()
    page.locator("header a[href^='/lv/accounts/login/']").click()
    page.fill("#id_login", EMAIL)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/lv/")
    page.locator("header a[href='/lv/learning/']").click()
    assert "2 no 3" in page.inner_text("main") or "2 of 3" in page.inner_text("main")
    steps.shot("signed-in-again")

    # Switch to English: the same progress, the last lesson next.
    page.goto(live_server.url + course_lv.url)
    page.locator(".language-switcher a[hreflang=en]").click()
    page.wait_for_url(re.compile(r"/en/"))
    assert "2 of 3 lessons complete" in page.inner_text("main")
    steps.shot("course-in-english")
    page.get_by_role("link", name=re.compile("Continue with lesson 3")).click()
    assert page.url.endswith(last_en.url)

    # Fail the knowledge check, then pass it, then complete the lesson.
    questions = check_answers(last_en)
    answer(page, questions, right=False)
    assert "Not passed yet" in page.inner_text("main")
    steps.shot("check-failed")
    answer(page, questions, right=True)
    assert "You passed this check." in page.inner_text("main")
    steps.shot("check-passed")
    page.locator(".progress-box form button").click()
    steps.shot("last-lesson-complete")

    page.goto(live_server.url + "/en/learning/")
    completed = page.locator("section[aria-labelledby=completed-heading]")
    assert "Local diagnostics" in completed.inner_text()
    assert "Completed on" in completed.inner_text()
    found["dashboard"] = axe_violations(page)
    steps.shot("dashboard-completed")

    # Download the certificate from the dashboard; read it and scan its QR code.
    with page.expect_download() as download_info:
        completed.locator("a[href$='/certificate.pdf']").click()
    certificate = Certificate.objects.get(user__email=EMAIL)
    assert download_info.value.suggested_filename == (
        f"libri-certificate-{certificate.display_code}.pdf"
    )
    pdf = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    text = pdf.pages[0].extract_text()
    for expected in (NAME, "Local diagnostics", certificate.display_code):
        assert expected in text
    (qr_code,) = zxingcpp.read_barcodes(
        Image.open(io.BytesIO(pdf.pages[0].images[0].data))
    )
    assert qr_code.text.startswith(live_server.url + "/")

    # Open the verification link the QR code holds.
    page.goto(qr_code.text)
    main = page.inner_text("main")
    assert f"Certificate {certificate.display_code} is valid." in main
    assert NAME in main
    assert page.locator("main .callout--success").is_visible()
    found["verification page"] = axe_violations(page)
    steps.shot("certificate-verified")

    # A trainer signs in to the admin and finds the learner in the course's report.
    found["trainer's report"] = trainer_sees_learner(
        page.context.browser, live_server.url, course_lv, steps.folder / "trainer"
    )

    assert {name: v for name, v in found.items() if v} == {}


def trainer_sees_learner(browser, base_url, course, folder):
    """A trainer's desktop session on the course's report; the axe findings."""
    trainer("trainer")
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="lv-LV"
    )
    page = context.new_page()
    steps = Steps(page, folder)
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", "trainer")
    page.fill("#id_password", STAFF_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base_url + "/admin/")
    page.goto(base_url + f"/admin/learning/reports/{course.pk}/")
    row = page.locator(
        "table[aria-labelledby=learners-heading] tbody tr", has_text=EMAIL
    )
    cells = row.locator("td").all_inner_texts()
    assert cells[:3] == [EMAIL, "Valmieras bibliotēka", "3"]
    assert cells[4] != "–"
    # The admin scrolls inside its own pane, so a full-page shot shows its top only.
    row.scroll_into_view_if_needed()
    steps.shot("trainer-report")
    violations = axe_violations(page)
    context.close()
    return violations
