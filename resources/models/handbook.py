"""The partnership handbook: a book page and its chapters, read in tree order."""

import math
from dataclasses import dataclass, field

from django.db import models
from django.http import FileResponse, Http404
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey

from home.caching import memoized, memoized_for_page, public
from home.models import TopicItemBase

from ..blocks import HandbookBodyBlock
from .handbook_pdf import HandbookPDF, content_stamp

WORDS_PER_MINUTE = 200


@dataclass
class TocEntry:
    """A chapter in the book's table of contents, with its number and sub-chapters."""

    page: Page
    number: str
    children: list = field(default_factory=list)


class HandbookPageTopic(TopicItemBase):
    content_object = ParentalKey(
        "resources.HandbookPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class HandbookPage(RoutablePageMixin, Page):
    """The partnership handbook: its foreword and the table of contents."""

    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_(
            "What the handbook is for and who it is for; shown under the title."
        ),
    )
    body = StreamField(
        HandbookBodyBlock(),
        verbose_name=_("foreword"),
        blank=True,
        help_text=_(
            "Shown before the table of contents; the chapters are child pages."
        ),
    )
    topics = ClusterTaggableManager(
        through=HandbookPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.HandbookChapterPage"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("handbook")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Remembered per book for the content generation (a preview's afresh).
        chapters = memoized_for_page(
            request, self, "chapters", lambda: self.chapters(request)
        )
        context["toc"] = build_toc(self, chapters)
        context["toc_markup"] = memoized_for_page(
            request,
            self,
            ("contents", get_language()),
            lambda: render_to_string(
                "resources/includes/toc.html",
                {"entries": context["toc"], "request": request},
            ),
        )
        context["first_chapter"] = chapters[0] if chapters else None
        # A PDF is built in a transaction saving its document, which bumps the
        # content generation on commit: remembered like the chapters.
        context["current_pdf"] = memoized_for_page(
            request, self, "current pdf", lambda: self.current_pdf(chapters)
        )
        return context

    def current_pdf(self, chapters):
        """The book's PDF if it was built from what is published now, else None."""
        if self.pk is None:  # previewed before it is first saved
            return None
        return (
            HandbookPDF.objects.select_related("document")
            .filter(book=self, stamp=content_stamp(self, chapters))
            .first()
        )

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The whole handbook as one PDF; never one built from older publications."""
        current = self.current_pdf(self.chapters(request))
        if current is None:
            raise Http404("The PDF of this handbook is being rebuilt.")
        return FileResponse(
            current.document.file.open("rb"),
            as_attachment=True,
            filename=f"{self.slug}.pdf",
            content_type="application/pdf",
        )

    def chapters(self, request=None):
        """Every live chapter of the book in reading order, in one query."""
        return list(
            public(Page.objects.live(), request)
            .descendant_of(self)
            .type(HandbookChapterPage)
            .order_by("path")
            .only(
                "id",
                "title",
                "path",
                "depth",
                "url_path",
                "locale_id",
                "last_published_at",
            )
        )


def build_toc(book, chapters):
    """Nest ``chapters`` (in path order) under ``book``, numbering them 1, 1.1, ..."""
    entries = []
    by_path = {book.path: entries}
    numbers = {book.path: ""}
    for chapter in chapters:
        parent_path = chapter.path[: -Page.steplen]
        siblings = by_path.get(parent_path)
        if siblings is None:  # under a draft or private chapter: not in the book
            continue
        prefix = numbers[parent_path]
        number = f"{prefix}{len(siblings) + 1}"
        entry = TocEntry(page=chapter, number=number)
        siblings.append(entry)
        by_path[chapter.path] = entry.children
        numbers[chapter.path] = f"{number}."
    return entries


def flatten_toc(entries):
    for entry in entries:
        yield entry
        yield from flatten_toc(entry.children)


class HandbookChapterPageTopic(TopicItemBase):
    content_object = ParentalKey(
        "resources.HandbookChapterPage",
        on_delete=models.CASCADE,
        related_name="topic_items",
    )


class HandbookChapterPage(Page):
    """A chapter of the handbook; chapters may hold sub-chapters."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences on what the chapter covers."),
    )
    body = StreamField(
        HandbookBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Headings become the chapter's table of contents; use h2 for sections "
            "and h3 for subsections."
        ),
    )
    topics = ClusterTaggableManager(
        through=HandbookChapterPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["resources.HandbookPage", "resources.HandbookChapterPage"]
    subpage_types = ["resources.HandbookChapterPage"]
    digest_group = _("Handbook chapters")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("handbook chapter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Remembered per chapter for the content generation (a preview's afresh).
        context.update(
            memoized_for_page(
                request, self, "reading order", lambda: self.reading_order(request)
            )
        )
        context["headings"] = memoized_for_page(
            request, self, "headings", self.headings
        )
        context["reading_minutes"] = memoized_for_page(
            request, self, "reading minutes", self.reading_minutes
        )
        return context

    def book(self):
        """The handbook this chapter belongs to, or None if it has been moved out."""
        if not self.path:  # previewed before it is saved anywhere
            return None
        return (
            HandbookPage.objects.ancestor_of(self)
            .only("id", "title", "path", "depth", "url_path", "locale_id")
            .first()
        )

    def reading_order(self, request=None):
        """The book, this chapter's number, sub-chapters, previous and next chapter.

        Two queries whatever the size of the book: the book, then its chapters;
        with a request, the book is remembered for the content generation (a
        chapter changes books only by a move, which bumps it), like the routes.
        """
        if request is None or self.pk is None:
            book = self.book()
        else:
            book = memoized(request, ("handbook of", self.pk), self.book)
        if book is None:
            return {"book": None, "number": "", "previous": None, "next": None}
        toc = build_toc(book, book.chapters(request))
        flat = list(flatten_toc(toc))
        position = next(
            (i for i, entry in enumerate(flat) if entry.page.pk == self.pk), None
        )
        if position is None:  # a draft being previewed
            return {"book": book, "number": "", "previous": None, "next": None}
        entry = flat[position]
        return {
            "book": book,
            "number": entry.number,
            "subchapters": entry.children,
            "previous": flat[position - 1].page if position > 0 else None,
            "next": flat[position + 1].page if position + 1 < len(flat) else None,
        }

    def headings(self):
        """(anchor, text, level) of each heading in the body, for in-page links."""
        return [
            (heading_anchor(block.id), block.value["text"], block.value["level"])
            for block in self.body
            if block.block_type == "heading"
        ]

    def word_count(self):
        """Words a reader reads in the body: text, headings, captions, callouts."""
        words = 0
        for block in self.body:
            if block.block_type == "heading":
                texts = [block.value["text"]]  # not the level's label
            else:
                texts = block.block.get_searchable_content(block.value)
            words += sum(len(str(text).split()) for text in texts)
        return words

    def reading_minutes(self):
        """Minutes to read the body at 200 words a minute, at least one."""
        return max(1, math.ceil(self.word_count() / WORDS_PER_MINUTE))


def heading_anchor(block_id):
    """A heading's fragment id: stable while the block exists, whatever its text."""
    return f"section-{block_id}"
