"""The handbook as one PDF: rebuilt by a task on publication, never served stale."""

import io
import time

from django.core.files.storage import default_storage

from wagtail.documents.models import Document

import pytest
from pypdf import PdfReader

from resources.models import HandbookPDF
from resources.models.handbook_pdf import content_stamp
from resources.tasks import build_handbook_pdf
from tests.factories.courses import image
from tests.factories.pages import build_site, publish
from tests.factories.resources import chapter, handbook


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def pdf_text(content):
    pages = PdfReader(io.BytesIO(content)).pages
    return "\n".join(page.extract_text() for page in pages)


def stored_pdf(book):
    pdf = HandbookPDF.objects.select_related("document").get(book=book)
    with default_storage.open(pdf.document.file.name) as file:
        return pdf, file.read()


@pytest.mark.django_db
def test_publishing_a_chapter_rebuilds_the_pdf_with_it(
    site, media, django_capture_on_commit_callbacks
):
    book = handbook(site["lv"], title="Partnerības rokasgrāmata")
    chapter(book, title="Kāpēc bibliotēka")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        chapter(book, title="Hakatonu organizēšana")
    assert callbacks, "publishing did not enqueue the rebuild"

    pdf, content = stored_pdf(book)
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    assert "Partnerības rokasgrāmata" in text
    assert "Kāpēc bibliotēka" in text
    assert "Hakatonu organizēšana" in text
    assert pdf.language == "lv"
    assert pdf.document.file_size == len(content)
    assert PdfReader(io.BytesIO(content)).trailer["/Root"]["/Lang"] == "lv"


@pytest.mark.django_db
def test_handbook_page_links_the_current_pdf_with_its_size(
    client, site, media, django_capture_on_commit_callbacks
):
    book = handbook(site["en"], title="Partnership handbook", slug="handbook")
    with django_capture_on_commit_callbacks(execute=True):
        chapter(book, title="Why the library")
    page = client.get(book.url).content.decode()
    assert "Download as PDF" in page
    assert f'href="{book.url}pdf/"' in page
    assert "PDF, " in page and "KB" in page

    response = client.get(book.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="handbook.pdf"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert "Why the library" in pdf_text(content)
    assert HandbookPDF.objects.get(book=book).language == "en"


@pytest.mark.django_db
def test_a_pdf_older_than_the_latest_publication_is_never_served(
    client, site, media, django_capture_on_commit_callbacks
):
    book = handbook(site["lv"])
    with django_capture_on_commit_callbacks(execute=True):
        first = chapter(book, title="Pirmā nodaļa")
    assert client.get(book.url + "pdf/").status_code == 200

    # A publication whose rebuild has not run yet (the task is still queued).
    first.title = "Pirmā nodaļa, labota"
    publish(first)
    page = client.get(book.url).content.decode()
    assert "Download as PDF" not in page and "Lejupielādēt PDF" not in page
    assert client.get(book.url + "pdf/").status_code == 404

    build_handbook_pdf.delay(book.pk)
    assert client.get(book.url + "pdf/").status_code == 200
    assert "Pirmā nodaļa, labota" in pdf_text(stored_pdf(book)[1])


@pytest.mark.django_db
def test_rebuild_replaces_the_old_document_and_skips_when_current(site, media):
    book = handbook(site["lv"])
    chapter(book, title="Nodaļa")
    first_id = build_handbook_pdf.delay(book.pk).get()
    first = HandbookPDF.objects.get(pk=first_id)
    document_id = first.document_id
    assert build_handbook_pdf.delay(book.pk).get() == first_id
    assert HandbookPDF.objects.get(pk=first_id).document_id == document_id

    chapter(book, title="Jauna nodaļa")
    build_handbook_pdf.delay(book.pk)
    current = HandbookPDF.objects.get(book=book)
    assert current.document_id != document_id
    assert not Document.objects.filter(pk=document_id).exists()


@pytest.mark.django_db
def test_task_for_an_unpublished_book_does_nothing(site, media):
    book = handbook(site["lv"])
    book.unpublish()
    assert build_handbook_pdf.delay(book.pk).get() is None
    assert build_handbook_pdf.delay(999999).get() is None
    assert not HandbookPDF.objects.exists()


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_builds_the_pdf_after_a_chapter_is_published(live_celery_worker):
    homes = build_site()
    book = handbook(homes["lv"])
    chapter(book, title="Ceļā uz stratēģiju")  # committed: the task goes to Redis
    book.refresh_from_db()
    stamp = content_stamp(book, book.chapters())
    deadline = time.monotonic() + 60
    while not HandbookPDF.objects.filter(book=book, stamp=stamp).exists():
        assert time.monotonic() < deadline, live_celery_worker.log()
        time.sleep(0.5)
    pdf, content = stored_pdf(book)
    assert "Ceļā uz stratēģiju" in pdf_text(content)
    assert live_celery_worker.handled_any()
    pdf.document.delete()


@pytest.mark.django_db
def test_a_chapter_figure_is_drawn_into_the_pdf_from_the_media_files(site, media):
    book = handbook(site["lv"], title="Partnerības rokasgrāmata")
    figure = {"image": {"image": image(), "decorative": True, "alt_text": ""}}
    chapter(book, title="Lasītava", body=[("figure", figure)])
    build_handbook_pdf(book.pk)

    _pdf, content = stored_pdf(book)
    images = [
        img for page in PdfReader(io.BytesIO(content)).pages for img in page.images
    ]
    assert images, "the figure is missing from the PDF"
