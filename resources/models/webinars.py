"""Webinars: an index of upcoming and past sessions, each with its recording."""

from datetime import timedelta

from django.contrib.postgres.expressions import ArraySubquery
from django.core.cache import cache
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Min, OuterRef, When
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey

from home.caching import memoized_for_page, memoized_for_page_until, public
from home.models import Topic, TopicItemBase

from .. import ical
from ..blocks import (
    RICH_TEXT_FEATURES,
    RecordingChapterBlock,
    SpeakerBlock,
    format_timestamp,
    parse_timestamp,
)
from ..listing import topic_for

WEBINARS_PER_PAGE = 12
AUDIO_EXTENSIONS = {"mp3", "m4a", "oga", "ogg", "opus", "wav"}
# A host that did not answer is not asked again on every page view for this long.
EMBED_FAILURE_TTL = 10 * 60


class WebinarIndexPage(RoutablePageMixin, Page):
    """The webinars: upcoming ones first, then recordings of past ones."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("What the webinars are about and who they are for."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.WebinarPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("webinar index")

    def webinars(self, request=None, now=None):
        """Live webinars here: upcoming ones by date, then past ones, latest first.

        A past webinar has no upcoming start to be ordered by, so comes after them.
        """
        upcoming_start = Case(When(end__gt=now or timezone.now(), then=F("start")))
        return (
            public(WebinarPage.objects.live(), request)
            # The children, as child_of() finds them, in fewer conditions.
            .filter(path__startswith=self.path, depth=self.depth + 1)
            .order_by(upcoming_start.asc(nulls_last=True), F("start").desc())
        )

    def topics_in_use(self, request=None):
        """The topics some webinar of this index is tagged with, for the filter."""
        webinars = public(WebinarPage.objects.live(), request).child_of(self)
        return (
            Topic.objects.filter(
                resources_webinarpagetopic_items__content_object__in=webinars
            )
            .distinct()
            .order_by("name")
        )

    @path("")
    def index(self, request):
        # Remembered for the content generation: the filter's topics, which are
        # also every topic a card shows.
        topics = memoized_for_page(
            request, self, "topics in use", lambda: list(self.topics_in_use(request))
        )
        topic_slug = request.GET.get("topic", "")
        current_topic = chosen_topic(topic_slug, topics) if topic_slug else None
        if topic_slug and not current_topic:
            page_obj = Paginator([], WEBINARS_PER_PAGE).get_page(1)
            cards = render_cards(request, page_obj)
        else:
            page_obj, cards = self.listed_page(request, topics, current_topic)
        return self.render(
            request,
            context_overrides={
                "webinars": page_obj,
                "cards": cards,
                "topics": topics,
                "topic_slug": topic_slug[:100],
                "current_topic": current_topic,
            },
        )

    def listed_page(self, request, topics, topic=None):
        """The page of webinars asked for, of those on ``topic`` if one is given.

        Ordered, filtered and cut into pages by PostgreSQL. Their number changes
        only with the content; their order also when a webinar ends, so a page of
        cards and their markup (in the active language) are remembered for the
        content generation until the next one ends.
        """
        now = timezone.now()
        webinars = self.webinars(request, now)
        if topic:
            webinars = webinars.filter(topic_items__tag=topic)
        count = memoized_for_page(
            request, self, ("webinar count", topic and topic.pk), webinars.count
        )
        listed = webinars.only(
            "id", "title", "url_path", "locale_id", "start", "end", "summary"
        ).annotate(topic_ids=card_topic_ids())
        paginator = CountedPaginator(listed, WEBINARS_PER_PAGE, count)
        number = paginator.get_page(request.GET.get("page")).number

        def cards():
            page_obj = paginator.page(number)
            page_obj.object_list = list(page_obj.object_list)
            prepare_cards(page_obj, topics, now)
            next_end = webinars.filter(end__gt=now).aggregate(Min("end"))["end__min"]
            return (page_obj, render_cards(request, page_obj)), next_end

        key = ("webinar cards", topic and topic.pk, number, get_language())
        return memoized_for_page_until(request, self, key, cards)

    # Wagtail serves only slash-ended paths of word characters, so not "feed.ics".
    @path("feed/", name="feed")
    def feed(self, request):
        """A calendar feed of every upcoming webinar of this index."""
        webinars = (
            WebinarPage.objects.live()
            .public()
            .child_of(self)
            .filter(end__gt=timezone.now())
            .order_by("start")
        )
        document = ical.webinar_calendar(
            request, webinars, name=f"{self.title} | LIBRI"
        )
        return calendar_response(document, "libri-webinars.ics")


def chosen_topic(topic_slug, topics):
    """The topic ``topic_slug`` names, looked up in ``topics`` first; None if none."""
    in_use = next((topic for topic in topics if topic.slug == topic_slug), None)
    return in_use or topic_for(topic_slug)


class CountedPaginator(Paginator):
    """A paginator told how many items there are, so that it need not count them."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


def card_topic_ids():
    """The ids of a listed webinar's topics in the order they were tagged.

    Read with the list itself, instead of a second query for the topics; the
    topics are then the index's topics in use, remembered for the filter.
    """
    return ArraySubquery(
        WebinarPageTopic.objects.filter(content_object=OuterRef("pk"))
        .order_by("pk")
        .values("tag_id")
    )


def render_cards(request, page_obj):
    """The markup of a page of webinar cards, in past and upcoming sections."""
    return render_to_string(
        "resources/includes/webinar_cards.html",
        {"webinars": page_obj, "request": request},
    )


def prepare_cards(page_obj, topics, now):
    """Mark each webinar of ``page_obj`` past (1) or not (0), give it its topics."""
    by_id = {topic.pk: topic for topic in topics}
    for webinar in page_obj:
        webinar.is_past = int(webinar.end <= now)
        webinar.card_topics = [by_id[pk] for pk in webinar.topic_ids if pk in by_id]


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class WebinarPageTopic(TopicItemBase):
    content_object = ParentalKey(
        "resources.WebinarPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class WebinarPage(RoutablePageMixin, Page):
    """One webinar: when and how to join it, then its recording and transcript."""

    start = models.DateTimeField(
        _("starts at"),
        help_text=_("Date and time in Riga time (Europe/Riga)."),
    )
    duration = models.PositiveSmallIntegerField(
        _("duration in minutes"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(600)],
    )
    # Kept in step with start and duration on save, so lists can tell upcoming
    # from past webinars in the database.
    end = models.DateTimeField(_("ends at"), editable=False, db_index=True)
    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for lists and calendar entries."),
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the webinar covers and who it is for."),
    )
    speakers = StreamField(
        [("speaker", SpeakerBlock())],
        verbose_name=_("speakers"),
        blank=True,
        help_text=_(
            "Organisations and roles; do not publish private persons' details."
        ),
    )
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_("The online meeting link; shown only until the webinar ends."),
    )
    join_instructions = models.TextField(
        _("how to join"),
        max_length=1000,
        blank=True,
        help_text=_("E.g. whether to register, which browser or app works."),
    )
    recording_url = models.URLField(
        _("recording (video link)"),
        blank=True,
        help_text=_("A YouTube or Vimeo link, embedded on the page."),
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("recording (file)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "An uploaded video or audio file (MP4, WebM, MP3), used instead of a link."
        ),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A .vtt captions file for the uploaded recording."),
    )
    transcript = RichTextField(
        _("transcript"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Shown under the player, for readers who cannot or prefer not to listen."
        ),
    )
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("slides"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The presentation as a PDF or PPTX."),
    )
    chapters = StreamField(
        [("chapter", RecordingChapterBlock())],
        verbose_name=_("chapters of the recording"),
        blank=True,
        help_text=_("Where each part of the recording starts."),
    )
    topics = ClusterTaggableManager(
        through=WebinarPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["resources.WebinarIndexPage"]
    subpage_types = []
    digest_group = _("Webinars")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("duration")], heading=_("When")
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("speakers"),
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldPanel("join_url"), FieldPanel("join_instructions")],
            heading=_("Joining"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldPanel("recording_file"),
                FieldPanel("captions"),
                FieldPanel("chapters"),
                FieldPanel("transcript"),
                FieldPanel("slides"),
            ],
            heading=_("Recording"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.FilterField("start"),
    ]

    class Meta:
        verbose_name = _("webinar")

    def save(self, *args, **kwargs):
        if self.start is not None:
            self.end = self.start + timedelta(minutes=self.duration or 0)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and {"start", "duration"} & set(update_fields):
                kwargs["update_fields"] = {*update_fields, "end"}
        return super().save(*args, **kwargs)

    @property
    def is_upcoming(self):
        """Whether the webinar has not ended yet (a running one still counts)."""
        return self.ends_at > timezone.now()

    @property
    def ends_at(self):
        return self.start + timedelta(minutes=self.duration)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = memoized_for_page(
            request, self, "index page", self.index_page
        )
        if not self.is_upcoming:
            context["recording_embed"] = self.recording_embed()
            context["recording_kind"] = self.recording_kind()
            context["chapter_list"] = self.chapter_list()
        return context

    def index_page(self):
        """The webinar's parent, for the breadcrumb."""
        return Page.objects.parent_of(self).only("id", "title", "url_path").first()

    def recording_kind(self):
        """ "audio" or "video" for an uploaded recording, else None."""
        if self.recording_file is None:
            return None
        return (
            "audio"
            if self.recording_file.file_extension in AUDIO_EXTENSIONS
            else "video"
        )

    def recording_embed(self):
        """The embed for ``recording_url``, or None if its host cannot give one.

        A failure is remembered for a while, so that a host that is down does not
        slow every view of the page.
        """
        if not self.recording_url or self.recording_file_id:
            return None
        failure_key = f"resources:embed-failed:{get_embed_hash(self.recording_url)}"
        if cache.get(failure_key):
            return None
        try:
            return get_embed(self.recording_url)
        except EmbedException:
            cache.set(failure_key, True, EMBED_FAILURE_TTL)
            return None

    def chapter_list(self):
        """(seconds, "m:ss", title) per chapter of the recording, in time order."""
        chapters = []
        for block in self.chapters:
            try:
                seconds = parse_timestamp(block.value["time"])
            except ValueError:
                continue
            chapters.append((seconds, format_timestamp(seconds), block.value["title"]))
        return sorted(chapters)

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ics/", name="ics")
    def ics(self, request):
        """This webinar as a calendar entry (RFC 5545)."""
        document = ical.webinar_calendar(request, [self])
        return calendar_response(document, f"{self.slug}.ics")
