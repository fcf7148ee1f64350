"""Certificates: issued once, downloaded by their learner, verified by anyone."""

import io
import json
import threading
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

import jwt
import pytest
import zxingcpp
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from learning.certificates import (
    CODE_ALPHABET,
    issue_certificate,
    normalise_code,
    verification_url,
)
from learning.models import Certificate, Enrolment, LearnerProfile
from tests.factories.learning import PASSWORD, learner
from tests.factories.staff import trainer
from tests.learning.conftest import answer


def complete_url(page):
    return reverse("learning:complete_lesson", args=[page.pk])


def finish_course(client, module):
    """Pass the check, then complete both lessons, the way a learner does."""
    first, second = module["lv"]["lessons"]
    answer(client, first)
    client.post(complete_url(first))
    client.post(complete_url(second))


def course_download(page, kind="pdf", language="lv"):
    with translation.override(language):
        return reverse(f"learning:course_certificate_{kind}", args=[page.pk])


def in_english(name, *args):
    """The URL in English, so that the reasons a page gives read as in the code."""
    with translation.override("en"):
        return reverse(name, args=args)


def verify_url(code, language="lv"):
    with translation.override(language):
        return reverse("certificate_lookup") + quote(code, safe="") + "/"


@pytest.fixture
def anna_named(anna):
    LearnerProfile.objects.filter(user=anna).update(full_name="Anna Bērziņa")
    return anna


@pytest.fixture
def visitor():
    """Someone who is not signed in (``client`` is the learner's, once signed in)."""
    return Client()


@pytest.fixture
def certificate(signed_in, anna_named, module):
    finish_course(signed_in, module)
    return Certificate.objects.get(user=anna_named)


# Issuing


def test_completing_the_course_issues_one_certificate(certificate, anna, module):
    course = module["lv"]["course"]
    assert Enrolment.objects.get(user=anna).completed_at is not None
    assert certificate.course_key == course.translation_key
    assert certificate.learner_name == "Anna Bērziņa"
    assert certificate.course_title == course.title
    assert certificate.trainer_organisation == "LIBRI project partnership"
    assert certificate.language == "lv"
    assert len(certificate.code) == 12
    assert set(certificate.code) <= set(CODE_ALPHABET)
    assert issue_certificate(anna, module["en"]["course"]) == certificate
    assert Certificate.objects.count() == 1


def test_nothing_is_issued_before_the_course_is_complete(signed_in, anna, module):
    signed_in.post(complete_url(module["lv"]["lessons"][0]))
    response = signed_in.get(course_download(module["lv"]["course"], language="en"))
    assert response.status_code == 403
    assert "not completed this course" in response.content.decode()
    assert not Certificate.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_issues_make_one_certificate(module):
    """Two requests at once (two connections) still leave one certificate."""
    anna = learner()
    course = module["lv"]["course"]
    barrier = threading.Barrier(2)
    codes, errors = [], []

    def issue():
        try:
            barrier.wait()
            codes.append(issue_certificate(anna, course).code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Certificate.objects.filter(user=anna).count() == 1
    assert len(set(codes)) == 1


# Learner downloads


def test_pdf_names_learner_course_code_and_its_qr_opens_the_verification_page(
    certificate, signed_in, module
):
    response = signed_in.get(course_download(module["lv"]["course"]), follow=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.display_code in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in (
        "Anna Bērziņa",
        certificate.course_title,
        certificate.display_code,
        "LIBRI project partnership",
    ):
        assert expected in text
    images = reader.pages[0].images
    assert images
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(images[0].data)))
    url = verification_url(certificate)
    assert [barcode.text for barcode in found] == [url]
    assert url == f"{settings.BASE_URL}/lv/certificates/{certificate.display_code}/"


def test_another_learners_certificate_is_refused(certificate, module):
    boris = Client()
    boris.force_login(learner("boris@biblioteka.lv"))
    for kind in ("pdf", "badge"):
        url = in_english(f"learning:certificate_{kind}", certificate.code)
        response = boris.get(url)
        assert response.status_code == 403
        assert "belongs to another learner" in response.content.decode()
    response = boris.get(course_download(module["lv"]["course"]))
    assert response.status_code == 403
    assert Certificate.objects.count() == 1


def test_anonymous_downloads_go_to_sign_in(certificate):
    url = reverse("learning:certificate_pdf", args=[certificate.code])
    response = Client().get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_malformed_and_unknown_codes_are_refused_to_the_learner(signed_in, anna):
    bad = signed_in.get(in_english("learning:certificate_pdf", "nonsense"))
    assert bad.status_code == 400
    assert "12 letters and digits" in bad.content.decode()
    unknown = signed_in.get(in_english("learning:certificate_pdf", "0" * 12))
    assert unknown.status_code == 404
    assert "no such certificate" in unknown.content.decode()


# Open Badges


def test_badge_signature_verifies_with_the_published_key(
    client, signed_in, certificate, module
):
    response = signed_in.get(
        course_download(module["lv"]["course"], "badge"), follow=True
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    token = response.content.decode()
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA"
    assert header["typ"] == "vc+jwt"
    issuer = client.get("/credentials/issuer.json").json()
    keys = jwt.PyJWKSet.from_dict(client.get(issuer["jwks_uri"]).json())
    key = next(k for k in keys.keys if k.key_id == header["kid"])
    credential = jwt.decode(token, key.key, algorithms=["EdDSA"], issuer=issuer["id"])
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["issuer"]["id"] == issuer["id"]
    assert credential["id"] == verification_url(certificate)
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["achievement"]["name"] == certificate.course_title
    assert subject["achievement"]["criteria"]["narrative"]
    assert {i["identityType"] for i in subject["identifier"]} == {
        "name",
        "emailAddress",
    }
    assert "anna@biblioteka.lv" not in token
    # A tampered credential fails: another learner's name with the same signature.
    head, payload, signature = token.split(".")
    claims = json.loads(jwt.utils.base64url_decode(payload))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Boriss Ozols"
    forged = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(f"{head}.{forged}.{signature}", key.key, algorithms=["EdDSA"])


def test_configured_signing_key_is_the_one_published(client, settings):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    settings.CREDENTIALS_SIGNING_KEY = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    published = jwt.PyJWKSet.from_dict(client.get("/.well-known/jwks.json").json())
    raw = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert (
        published.keys[0].key.public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        == raw
    )


# Public verification


def test_verification_page_says_valid_without_sign_in(visitor, certificate):
    response = visitor.get(verify_url(certificate.display_code, "en"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Certificate {certificate.display_code} is valid." in page
    for expected in (
        "Anna Bērziņa",
        certificate.course_title,
        "LIBRI project partnership",
    ):
        assert expected in page
    assert response["X-Robots-Tag"] == "noindex"


def test_lookup_ignores_case_dashes_and_look_alikes(visitor, certificate):
    typed = certificate.code.lower().replace("0", "o").replace("1", "l")
    spaced = f" {typed[:4]} {typed[4:8]}-{typed[8:]} "
    assert normalise_code(spaced) == certificate.code
    response = visitor.get(verify_url(typed, "en"))
    assert response.status_code == 200
    assert f"Certificate {certificate.display_code} is valid." in (
        response.content.decode()
    )


def test_lookup_form_opens_the_certificate_page(visitor, certificate):
    with translation.override("en"):
        lookup = reverse("certificate_lookup")
    response = visitor.get(lookup, {"code": certificate.code.lower()})
    assert response.status_code == 302
    assert response["Location"] == verify_url(certificate.code, "en")
    assert visitor.get(lookup).status_code == 200


@pytest.mark.parametrize(
    ("code", "status", "message"),
    [
        ("ZZZZ-ZZZZ-ZZZZ", 404, "No certificate has this code"),
        ("ABC", 400, "12 letters and digits"),
        ("ABCD-EFGH-JKMU", 400, "12 letters and digits"),
        ("A" * 5000, 400, "far too long"),
    ],
)
def test_unknown_malformed_and_very_long_codes_say_so(
    client, db, code, status, message
):
    response = client.get(verify_url(code, "en"))
    assert response.status_code == status
    assert message in response.content.decode()
    with translation.override("en"):
        lookup = reverse("certificate_lookup")
    if status == 400:
        form = client.get(lookup, {"code": code})
        assert form.status_code == 400
        assert message in form.content.decode()


SAFE_STATUSES = {200, 301, 302, 400, 404}


@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=80))
def test_any_typed_code_gets_an_answer_never_an_error(visitor, certificate, text):
    page = visitor.get(verify_url(text, "en"))
    form = visitor.get(reverse("certificate_lookup"), {"code": text})
    for response in (page, form):
        assert response.status_code in SAFE_STATUSES
    assert Certificate.objects.count() == 1
    assert not Certificate.objects.filter(revoked_at__isnull=False).exists()


# Revoking in the admin


@pytest.fixture
def trainer_client(db):
    client = Client()
    client.force_login(trainer())
    return client


def test_trainers_may_list_and_search_certificates(trainer_client, certificate):
    assert Group.objects.get(name="Trainers").permissions.filter(
        codename="revoke_certificate"
    )
    response = trainer_client.get(reverse("certificates:index"), {"q": "Bērziņa"})
    assert response.status_code == 200
    assert certificate.display_code in response.content.decode()
    revoke_url = reverse("certificates:revoke", args=[certificate.pk])
    assert revoke_url in response.content.decode()
    typed = certificate.display_code.lower()
    by_code = trainer_client.get(reverse("certificates:index"), {"q": typed})
    assert certificate.display_code in by_code.content.decode()
    other = trainer_client.get(reverse("certificates:index"), {"q": "0000-0000-0000"})
    assert certificate.display_code not in other.content.decode()
    assert trainer_client.get(reverse("certificates:add")).status_code in (302, 403)


def test_revoking_needs_a_reason_then_the_page_says_revoked(
    trainer_client, visitor, certificate
):
    url = reverse("certificates:revoke", args=[certificate.pk])
    empty = trainer_client.post(url, {"reason": "  "})
    assert empty.status_code == 400
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    done = trainer_client.post(url, {"reason": "Tests nokārtoti cita vārdā."})
    assert done.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert certificate.revoked_by.username == "trainer"
    again = trainer_client.post(url, {"reason": "Otrreiz"})
    assert again.status_code == 409
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Tests nokārtoti cita vārdā."
    page = visitor.get(verify_url(certificate.code, "en"))
    assert page.status_code == 200
    text = page.content.decode()
    assert f"Certificate {certificate.display_code} was revoked on" in text
    assert "Tests nokārtoti cita vārdā." in text


def test_learners_may_not_revoke(signed_in, certificate):
    url = reverse("certificates:revoke", args=[certificate.pk])
    response = signed_in.post(url, {"reason": "Nevēlos"})
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_a_revoked_certificate_is_no_longer_downloaded(signed_in, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=certificate.issued_at, revoked_reason="Kļūda"
    )
    url = in_english("learning:certificate_pdf", certificate.code)
    response = signed_in.get(url)
    assert response.status_code == 410
    assert "revoked" in response.content.decode()


def test_the_learners_data_download_lists_the_certificate(signed_in, certificate):
    data = json.loads(signed_in.get("/lv/learning/my-data/").content)
    assert [c["code"] for c in data["certificates"]] == [certificate.code]
    assert data["profile"]["full_name"] == "Anna Bērziņa"


def test_deleting_the_account_forgets_the_name_on_its_certificates(
    signed_in, visitor, certificate
):
    with translation.override("en"):
        delete_url = reverse("learning:delete_account")
    response = signed_in.post(delete_url, {"password": PASSWORD})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.user is None
    assert certificate.learner_name == ""
    page = visitor.get(verify_url(certificate.code, "en"))
    assert page.status_code == 410
    assert "can no longer be verified" in page.content.decode()
    assert "Anna" not in page.content.decode()
