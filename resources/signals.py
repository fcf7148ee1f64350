"""Publishing the handbook or one of its chapters rebuilds the handbook's PDF."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from home.queue import enqueue_on_commit

from .models import HandbookChapterPage, HandbookPage
from .tasks import build_handbook_pdf


@receiver(page_published)
@receiver(page_unpublished)
def rebuild_handbook_pdf(sender, instance, **kwargs):
    """Enqueue a rebuild of the PDF of the book ``instance`` is or belongs to."""
    if isinstance(instance, HandbookPage):
        book = instance
    elif isinstance(instance, HandbookChapterPage):
        book = instance.book()
    else:
        return
    if book is not None:
        enqueue_on_commit(build_handbook_pdf, book.pk)
