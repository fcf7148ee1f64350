"""Documents are what their extension says, within a size limit, with safe names."""

import io
import re
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model

import pytest
from hypothesis import given
from hypothesis import strategies as st

from home.uploads import check_document, safe_file_name
from tests.factories.staff import trainer


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
GOOD_FILES = {
    "plans.pdf": PDF,
    "veidne.docx": DOCX,
    "tabula.xlsx": zip_bytes({"[Content_Types].xml": "<Types/>", "xl/a.xml": "<x/>"}),
    "slaidi.pptx": zip_bytes({"[Content_Types].xml": "<T/>", "ppt/p.xml": "<p/>"}),
    "teksts.odt": zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<o/>"}
    ),
    "arhivs.zip": zip_bytes({"a.txt": "a"}),
    "ieraksts.mp4": b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom" + b"\0" * 64,
    "ieraksts.m4a": b"\0\0\0\x1cftypM4A \0\0\0\0" + b"\0" * 64,
    "ieraksts.webm": b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01" + b"\0" * 64,
    "ieraksts.ogg": b"OggS\0\x02" + b"\0" * 64,
    "ieraksts.mp3": b"ID3\x04\0\0\0\0\0\0" + b"\xff\xfb\x90\x64" * 16,
    "subtitri.vtt": b"WEBVTT\n\n00:00.000 --> 00:02.000\n<v Anna>Sveiki!\n",
    "piezimes.txt": "Bibliotēkas darba laiks: 9–18\n".encode(),
    "saraksts.csv": "vārds,valsts\nAnna,Latvija\n".encode(),
}
BAD_FILES = {
    # file name: (content, error code)
    "evil.pdf": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "markup"),
    "page.pdf": (b"<!DOCTYPE html><html><body>hi</body></html>", "markup"),
    "tricky.pdf": (b"%PDF-1.4\n<script>alert(1)</script>", "markup"),
    "notes.txt": (b"  <HTML><script>alert(1)</script>", "markup"),
    "image.pdf": (b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "content_mismatch"),
    "plain.docx": (zip_bytes({"a.txt": "a"}), "content_mismatch"),
    "renamed.odt": (DOCX, "content_mismatch"),
    "binary.txt": (b"abc\0def", "content_mismatch"),
    "broken.zip": (b"PK\x03\x04 not really", "content_mismatch"),
    "program.mp4": (b"MZ\x90\0" + b"\0" * 64, "content_mismatch"),
    "captions.vtt": (b"1\n00:00:00,000 --> 00:00:02,000\nHi\n", "content_mismatch"),
}


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("name", GOOD_FILES)
def test_real_files_of_every_accepted_type_pass(name):
    check_document(upload(name, GOOD_FILES[name]))


@pytest.mark.parametrize("name", BAD_FILES)
def test_files_posing_as_another_type_are_refused_with_a_reason(name):
    content, code = BAD_FILES[name]
    with pytest.raises(ValidationError) as error:
        check_document(upload(name, content))
    assert error.value.code == code
    assert name in error.value.message


def test_size_limits_are_per_type_and_configurable(settings):
    settings.LIBRI_DOCUMENT_MAX_SIZES = {"default": 100, "mp4": 1000}
    with translation.override("en"), pytest.raises(ValidationError) as error:
        check_document(upload("plans.pdf", PDF + b" " * 100))
    assert error.value.code == "file_too_large"
    assert "PDF files may be at most 100" in error.value.message
    check_document(upload("ieraksts.mp4", GOOD_FILES["ieraksts.mp4"] + b"\0" * 800))


def error_codes(form):
    return [error.code for error in form.errors.as_data()["file"]]


@pytest.fixture
def trainer_client(client, db):
    client.force_login(trainer())
    return client


def test_admin_form_refuses_an_svg_posing_as_a_pdf_and_stores_nothing(
    trainer_client,
):
    content, _ = BAD_FILES["evil.pdf"]
    response = trainer_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Evil", "file": upload("evil.pdf", content), "collection": 1},
    )
    assert response.status_code == 200
    assert error_codes(response.context["form"]) == ["markup"]
    assert not get_document_model().objects.exists()


def test_admin_form_stores_a_real_pdf_under_a_sanitised_name(trainer_client):
    name = "../Rokasgrāmata \u202eFDP.exe.PDF"
    response = trainer_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Rokasgrāmata", "file": upload(name, PDF), "collection": 1},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert re.fullmatch(r"Rokasgrāmata-FDP-exe(_\w+)?\.pdf", document.filename)


def test_multiple_uploader_refuses_a_docx_that_is_html(trainer_client):
    response = trainer_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("letter.docx", b"<html><body>Hi</body></html>")},
    )
    assert response.json()["success"] is False
    assert "“letter.docx”" in response.json()["error_message"]
    assert not get_document_model().objects.exists()


def test_document_model_form_refuses_a_mismatched_file(db):
    form_class = get_document_form(get_document_model())
    form = form_class(
        {"title": "Slides", "collection": 1},
        {"file": upload("slides.pptx", PDF)},
        user=trainer(),
    )
    assert not form.is_valid()
    assert error_codes(form) == ["content_mismatch"]


def test_image_form_refuses_an_svg_posing_as_a_png(trainer_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = trainer_client.post(
        reverse("wagtailimages:add"),
        {"title": "Logo", "file": upload("logo.png", svg), "collection": 1},
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "disposition", "content_type"),
    [
        ("plans.pdf", "inline", "application/pdf"),
        ("veidne.docx", "attachment", "application/vnd.openxmlformats"),
        ("piezimes.txt", "attachment", "text/plain"),
    ],
)
def test_documents_are_served_as_downloads_unless_pdf_with_nosniff(
    trainer_client, name, disposition, content_type
):
    trainer_client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": upload(name, GOOD_FILES[name]), "collection": 1},
    )
    document = get_document_model().objects.get()
    response = trainer_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["Content-Type"].startswith(content_type)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@given(st.text(max_size=300), st.sampled_from(["pdf", "PDF", "docx", "", "tar.gz"]))
def test_sanitised_names_are_short_plain_and_stable(stem, extension):
    name = safe_file_name(f"{stem}.{extension}" if extension else stem)
    base, _, suffix = name.rpartition(".") if "." in name else (name, "", "")
    assert re.fullmatch(r"[\w-]{1,80}", base)
    assert re.fullmatch(r"[a-z0-9]*", suffix)
    assert not base.startswith(("-", "_"))
    assert all(unicodedata.category(char)[0] != "C" for char in name)
    assert safe_file_name(name) == name
