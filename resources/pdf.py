"""The whole handbook rendered into one PDF with WeasyPrint."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.documents.models import Document

import weasyprint

from .models import HandbookChapterPage, HandbookPDF
from .models.handbook import build_toc, flatten_toc
from .models.handbook_pdf import content_stamp


class LocalFileFetcher(weasyprint.URLFetcher):
    """Give WeasyPrint the site's own media and static files; nothing from outside."""

    def fetch(self, url, headers=None):
        url_path = urlsplit(url).path
        if url_path.startswith(settings.MEDIA_URL):
            name = url_path.removeprefix(settings.MEDIA_URL)
            with default_storage.open(name) as file:
                return weasyprint.urls.URLFetcherResponse(url, file.read())
        if url_path.startswith(settings.STATIC_URL):
            found = finders.find(url_path.removeprefix(settings.STATIC_URL))
            if found:
                return weasyprint.urls.URLFetcherResponse(url, Path(found).read_bytes())
        raise ValueError(f"Not a file of this site: {url}")


def live_chapters(book):
    """The book's live public chapters with their bodies, in reading order."""
    return list(
        HandbookChapterPage.objects.live().public().descendant_of(book).order_by("path")
    )


def render_handbook_pdf(book, chapters):
    """The book and ``chapters`` as PDF bytes, in the book's language."""
    language = book.locale.language_code
    toc = build_toc(book, chapters)
    with translation.override(language):
        html = render_to_string(
            "resources/handbook_pdf.html",
            {
                "book": book,
                "language": language,
                "toc": toc,
                "entries": list(flatten_toc(toc)),
            },
        )
    document = weasyprint.HTML(
        string=html, base_url=settings.BASE_URL, url_fetcher=LocalFileFetcher()
    )
    return document.write_pdf()


def write_handbook_pdf(book):
    """Render ``book`` and store it as its current PDF document, replacing the old.

    Nothing is rendered when the stored PDF is already built from what is
    published now (many publications in one transaction send many tasks).
    """
    chapters = live_chapters(book)
    stamp = content_stamp(book, chapters)
    current = HandbookPDF.objects.filter(book=book, stamp=stamp).first()
    if current is not None:
        return current
    content = render_handbook_pdf(book, chapters)
    language = book.locale.language_code
    with transaction.atomic():
        document = Document(title=f"{book.title} (PDF, {language})")
        document.file.save(f"{book.slug}-{language}.pdf", ContentFile(content))
        document.file_size = len(content)
        document.save()
        previous = HandbookPDF.objects.filter(book=book).first()
        pdf, _ = HandbookPDF.objects.update_or_create(
            book=book,
            defaults={"document": document, "language": language, "stamp": stamp},
        )
        if previous is not None:
            previous.document.delete()  # Wagtail removes the file on commit
    return pdf
