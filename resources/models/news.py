"""Project news: dated items, an index, and Atom and RSS feeds, per topic too."""

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey

from home.models import TopicItemBase

from .. import feeds
from ..blocks import RICH_TEXT_FEATURES
from ..listing import (
    SLUG,
    IndexRoutingMixin,
    filter_by_topic,
    index_of,
    listed,
    paginate,
    topic_for,
    topics_of,
    with_topics,
)

NEWS_PER_PAGE = 10


class NewsIndexPage(IndexRoutingMixin, RoutablePageMixin, Page):
    """The project's news, latest first, with feeds for news readers."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Whose news these are and how to follow them."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.NewsPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("news index")

    def news(self):
        """Live news items here, latest first."""
        return listed(NewsPage, self).order_by("-date", "-first_published_at")

    @path("")
    def index(self, request):
        topic_slug = request.GET.get("topic", "")[:100]
        items, current_topic = filter_by_topic(self.news(), topic_slug)
        return self.render(
            request,
            context_overrides={
                "items": paginate(
                    with_topics(items, NewsPageTopic), request, NEWS_PER_PAGE
                ),
                "topics": topics_of(NewsPageTopic, self.news()),
                "topic_slug": topic_slug,
                "current_topic": current_topic,
            },
        )

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return feeds.NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return feeds.NewsAtomFeed(self)(request)

    @path("topics/<str:slug>/rss/", name="topic_rss")
    def topic_rss(self, request, slug):
        return feeds.NewsRssFeed(self, self.feed_topic(slug))(request)

    @path("topics/<str:slug>/atom/", name="topic_atom")
    def topic_atom(self, request, slug):
        return feeds.NewsAtomFeed(self, self.feed_topic(slug))(request)

    def feed_topic(self, slug):
        topic = topic_for(slug) if SLUG.fullmatch(slug) else None
        if topic is None:
            raise Http404("There is no such topic.")
        return topic


class NewsPageTopic(TopicItemBase):
    content_object = ParentalKey(
        "resources.NewsPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class NewsPage(Page):
    """A dated news item of the project."""

    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        db_index=True,
        help_text=_("The day the news is dated; items are listed by it."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences for the list, the feeds and digests."),
    )
    body = RichTextField(
        _("body"),
        features=["h2", "h3", *RICH_TEXT_FEATURES],
        blank=True,
    )
    topics = ClusterTaggableManager(
        through=NewsPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary; each has its own feed."),
    )

    parent_page_types = ["resources.NewsIndexPage"]
    subpage_types = []
    digest_group = _("News")

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("news item")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = index_of(self, request)
        context["index_page"] = index if isinstance(index, NewsIndexPage) else None
        return context
