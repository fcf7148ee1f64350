"""A learner who completed a module downloads the certificate and checks its QR code."""

import io
from pathlib import Path
from urllib.parse import urlsplit

import jwt
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from courses.scoring import score
from learning.models import Certificate, LearnerProfile
from learning.progress import complete_lesson, record_attempt
from tests.e2e.conftest import axe_violations
from tests.factories.courses import catalogue, course, lesson
from tests.factories.learning import PASSWORD, learner
from tests.factories.pages import build_site
from tests.learning.conftest import answer_form

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def learner_who_completed_a_course():
    """A course of two lessons, and a learner who passed its check and both lessons."""
    home = build_site()["lv"]
    module = course(catalogue(home), title="Vietējā diagnostika")
    lessons = [lesson(module), lesson(module, title="Datu avoti", check=False)]
    user = learner("ilze@valmiera.example.lv")
    LearnerProfile.objects.filter(user=user).update(full_name="Ilze Bērziņa")
    data = answer_form(lessons[0])
    check_id = data.pop("check")
    answers = {key.removeprefix("q-"): value for key, value in data.items()}
    check = lessons[0].knowledge_checks()[check_id]
    record_attempt(user, lessons[0], check_id, answers, score(check, answers))
    for item in lessons:
        complete_lesson(user, item)
    return user, module


def test_learner_downloads_the_certificate_and_opens_its_verification_page(
    live_server, desktop
):
    user, module = learner_who_completed_a_course()
    certificate = Certificate.objects.get(user=user)
    page, steps = desktop
    found = {}

    page.goto(live_server.url + "/lv/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/lv/learning/")
    found["dashboard"] = axe_violations(page)
    steps.shot("dashboard")

    page.goto(live_server.url + module.url)
    link = page.locator(
        f"main a[href='/lv/learning/courses/{module.pk}/certificate.pdf']"
    )
    assert link.is_visible()
    assert link.inner_text().startswith("Sertifikāts (PDF)")
    found["course page"] = axe_violations(page)
    steps.shot("course-page")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == (
        f"libri-certificate-{certificate.display_code}.pdf"
    )
    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = reader.pages[0].extract_text()
    assert "Ilze Bērziņa" in text
    assert "Vietējā diagnostika" in text
    assert certificate.display_code in text
    image = Image.open(io.BytesIO(reader.pages[0].images[0].data))
    (barcode,) = zxingcpp.read_barcodes(image)
    target = urlsplit(barcode.text)
    assert target.path == f"/lv/certificates/{certificate.display_code}/"

    # The Open Badge beside it: its signature checks with the published key.
    badge_link = page.locator(
        f"main a[href='/lv/learning/courses/{module.pk}/badge.jwt']"
    )
    with page.expect_download() as badge_info:
        badge_link.click()
    token = Path(badge_info.value.path()).read_text()
    keys = page.request.get(live_server.url + "/.well-known/jwks.json").json()
    key = jwt.PyJWKSet.from_dict(keys)[jwt.get_unverified_header(token)["kid"]]
    credential = jwt.decode(token, key.key, algorithms=["EdDSA"])
    assert credential["credentialSubject"]["achievement"]["name"] == module.title

    # The QR code's page, opened by someone who is not signed in.
    visitor = page.context.browser.new_context(locale="lv-LV")
    check = visitor.new_page()
    check.goto(live_server.url + target.path)
    main = check.locator("main")
    assert "Ilze Bērziņa" in main.inner_text()
    assert f"Sertifikāts {certificate.display_code} ir derīgs." in main.inner_text()
    assert check.locator("main .callout--success").is_visible()
    found["verification page"] = axe_violations(check)
    check.screenshot(path=steps.folder / "90-verification-page.png", full_page=True)

    check.fill("#id_code", "nav-tads-kods")
    check.locator("main form button[type=submit]").click()
    assert check.locator("main .field__error").is_visible()
    found["verification form error"] = axe_violations(check)
    check.screenshot(path=steps.folder / "91-verification-error.png", full_page=True)
    visitor.close()

    assert found == {name: [] for name in found}
