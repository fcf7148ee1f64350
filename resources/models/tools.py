"""Methodological tools: guides and documents in several languages; the phrasebook."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey

from home.models import TopicItemBase

from ..blocks import RICH_TEXT_FEATURES
from ..listing import (
    IndexRoutingMixin,
    filter_by_topic,
    index_of,
    listed,
    paginate,
    topics_of,
    with_topics,
)

TOOL_EXTENSIONS = ("pdf", "docx", "odt")
# Languages a tool's file may be in: the site's four and the partners' and
# newcomers' most common ones.
FILE_LANGUAGES = [
    ("lv", _("Latvian")),
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("fr", _("French")),
    ("it", _("Italian")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("nl", _("Dutch")),
    ("ar", _("Arabic")),
]
# Link checkers, crawlers and previews fetch links too; they are not readers.
BOT_AGENT = re.compile(r"bot|crawl|spider|slurp|preview|fetch|monitor", re.IGNORECASE)


class ToolIndexPage(IndexRoutingMixin, Page):
    """The methodological tools: the phrasebook first, then guides and documents."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("What the tools are for and who they are for."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ToolPage", "resources.PhrasebookPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("tool index")

    def tools(self):
        return listed(ToolPage, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tools = self.tools()
        topic_slug = request.GET.get("topic", "")[:100]
        tools, current_topic = filter_by_topic(tools, topic_slug)
        context.update(
            {
                "phrasebooks": listed(PhrasebookPage, self).only(
                    "id", "title", "url_path", "intro", "path", "depth"
                ),
                "tools": paginate(
                    with_topics(tools.order_by("title"), ToolPageTopic), request
                ),
                "topics": topics_of(ToolPageTopic, self.tools()),
                "topic_slug": topic_slug,
                "current_topic": current_topic,
            }
        )
        return context


class ToolPageTopic(TopicItemBase):
    content_object = ParentalKey(
        "resources.ToolPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class ToolPage(RoutablePageMixin, Page):
    """A guide or document, downloadable in each language it has been written in."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for lists and digests."),
    )
    body = RichTextField(
        _("description"),
        features=["h2", "h3", *RICH_TEXT_FEATURES],
        blank=True,
        help_text=_("What the tool is, who it is for and how to use it."),
    )
    topics = ClusterTaggableManager(
        through=ToolPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["resources.ToolIndexPage"]
    subpage_types = []
    digest_group = _("Methodological tools")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics"),
        InlinePanel(
            "files",
            label=_("Files"),
            heading=_("Files in each language"),
            help_text=_("PDF, DOCX or ODT; one file per language."),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("tool")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = index_of(self, request)
        context["files"] = self.files.select_related("document")
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("download/<int:file_id>/", name="download")
    def download(self, request, file_id):
        """Count a reader's download of one file, then send them to it."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        item = (
            ToolFile.objects.filter(page=self, pk=file_id)
            .select_related("document")
            .first()
        )
        if item is None:
            raise Http404("This tool has no such file.")
        if is_download(request):
            ToolFile.objects.filter(pk=item.pk).update(
                download_count=F("download_count") + 1
            )
        return redirect(item.document.url)


def is_download(request):
    """Whether a request is a reader's download: a GET from something not a bot."""
    agent = request.headers.get("User-Agent", "")
    return request.method == "GET" and not BOT_AGENT.search(agent)


class ToolFile(Orderable):
    """One language version of a tool's document, and how often it was downloaded."""

    page = ParentalKey(ToolPage, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=8, choices=FILE_LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A PDF, DOCX or ODT file."),
    )
    download_count = models.PositiveIntegerField(
        _("downloads"), default=0, editable=False
    )

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def clean(self):
        super().clean()
        if self.document_id and self.extension not in TOOL_EXTENSIONS:
            raise ValidationError(
                {"document": _("A tool's file must be a PDF, DOCX or ODT document.")}
            )

    @property
    def extension(self):
        return self.document.file_extension.lower()


class PhrasebookPageTopic(TopicItemBase):
    content_object = ParentalKey(
        "resources.PhrasebookPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class Situation(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    BORROWING = "borrowing", _("Borrowing and returning")
    EVENTS = "events", _("Events")
    DIRECTIONS = "directions", _("Directions")
    DIGITAL = "digital", _("Digital help")


PHRASE_LANGUAGES = ("lv", "en", "uk", "ru")
EXTRA_LANGUAGES = [pair for pair in FILE_LANGUAGES if pair[0] not in PHRASE_LANGUAGES]


class PhrasebookPage(Page):
    """Service-desk phrases by situation, the visitor's language beside the desk's."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("How to use the phrasebook at the desk."),
    )
    topics = ClusterTaggableManager(
        through=PhrasebookPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["resources.ToolIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    digest_group = _("Methodological tools")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("topics"),
        InlinePanel("phrases", label=_("Phrases"), heading=_("Phrases")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields(
            "phrases",
            [index.SearchField(f"text_{code}") for code in PHRASE_LANGUAGES],
        ),
    ]

    class Meta:
        verbose_name = _("phrasebook")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        desk = desk_language()
        visitor = visitor_language(request.GET.get("visitor", ""), desk)
        query = " ".join(request.GET.get("q", "").split())[:100]
        phrases = [p for p in self.phrases.all() if p.matches(query)]
        context.update(
            {
                "index_page": index_of(self, request),
                "desk": desk,
                "visitor": visitor,
                "visitor_choices": [
                    (code, label) for code, label in FILE_LANGUAGES[:4] if code != desk
                ],
                "query": query,
                "situations": group_by_situation(phrases, desk, visitor),
                "phrase_count": len(phrases),
            }
        )
        return context


def desk_language():
    """The librarian's language: the page's, or English where the page is in another."""
    language = (get_language() or "en").split("-")[0]
    return language if language in PHRASE_LANGUAGES else "en"


def visitor_language(value, desk):
    """The visitor's language from ``?visitor=``; by default Ukrainian, else English."""
    if value in PHRASE_LANGUAGES and value != desk:
        return value
    return "uk" if desk != "uk" else "en"


def group_by_situation(phrases, desk, visitor):
    """[(situation value, label, [(phrase, visitor text, desk text)])] in menu order."""
    groups = {value: [] for value in Situation.values}
    for phrase in phrases:
        groups.setdefault(phrase.situation, []).append(
            (phrase, phrase.text(visitor), phrase.text(desk))
        )
    return [
        (value, Situation(value).label, items)
        for value, items in groups.items()
        if items and value in Situation.values
    ]


class Phrase(Orderable):
    """A phrase said at the desk, in the four site languages and maybe one more."""

    page = ParentalKey(PhrasebookPage, on_delete=models.CASCADE, related_name="phrases")
    situation = models.CharField(
        _("situation"), max_length=20, choices=Situation.choices
    )
    text_lv = models.CharField(_("Latvian"), max_length=300)
    text_en = models.CharField(_("English"), max_length=300)
    text_uk = models.CharField(_("Ukrainian"), max_length=300)
    text_ru = models.CharField(_("Russian"), max_length=300)
    extra_language = models.CharField(
        _("another language"),
        max_length=8,
        choices=EXTRA_LANGUAGES,
        blank=True,
        help_text=_("Optional: a fifth language the phrase is given in."),
    )
    extra_text = models.CharField(_("in that language"), max_length=300, blank=True)

    panels = [
        FieldPanel("situation"),
        FieldPanel("text_lv"),
        FieldPanel("text_en"),
        FieldPanel("text_uk"),
        FieldPanel("text_ru"),
        MultiFieldPanel(
            [FieldPanel("extra_language"), FieldPanel("extra_text")],
            heading=_("Another language"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phrase")
        verbose_name_plural = _("phrases")

    def clean(self):
        super().clean()
        if bool(self.extra_language) != bool(self.extra_text.strip()):
            raise ValidationError(
                {"extra_text": _("Give both the other language and the phrase in it.")}
            )

    def text(self, language):
        return getattr(self, f"text_{language}")

    def search_text(self):
        """Every version of the phrase, for filtering as one types."""
        texts = [self.text(code) for code in PHRASE_LANGUAGES] + [self.extra_text]
        return " ".join(texts).casefold()

    def matches(self, query):
        return not query or query.casefold() in self.search_text()
