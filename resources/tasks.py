"""Background work of the content library."""

from celery import shared_task

from .models import HandbookPage
from .pdf import write_handbook_pdf


@shared_task
def build_handbook_pdf(book_id):
    """Rebuild the PDF of handbook ``book_id`` from what is published now."""
    book = HandbookPage.objects.live().filter(pk=book_id).first()
    if book is None:  # unpublished or deleted since the task was sent
        return None
    return write_handbook_pdf(book).pk
