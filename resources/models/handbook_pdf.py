"""The handbook as one PDF, stamped with the publication it was built from."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


class HandbookPDF(models.Model):
    """The latest PDF of a handbook; served only while its stamp is current."""

    book = models.OneToOneField(
        "resources.HandbookPage",
        verbose_name=_("handbook"),
        on_delete=models.CASCADE,
        related_name="pdf_build",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10)
    stamp = models.CharField(_("version stamp"), max_length=64)
    built_at = models.DateTimeField(_("built at"), auto_now=True)

    class Meta:
        verbose_name = _("handbook PDF")

    def __str__(self):
        return f"{self.book_id} ({self.language})"


def content_stamp(book, chapters):
    """A digest of what the PDF shows: the book's and its live chapters' publications.

    A chapter published, unpublished or moved gives another stamp.
    """
    parts = [f"{book.pk}:{book.last_published_at}"]
    parts += [f"{c.pk}:{c.path}:{c.last_published_at}" for c in chapters]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()
