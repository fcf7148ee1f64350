"""Good-practice examples: what a library did, for whom, with what results."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey

from home.models import TopicItemBase

from ..blocks import RICH_TEXT_FEATURES, PracticeResultBlock
from ..listing import (
    IndexRoutingMixin,
    choice_for,
    filter_by_topic,
    index_of,
    listed,
    paginate,
    topics_of,
    with_topics,
)


class Country(models.TextChoices):
    LATVIA = "LV", _("Latvia")
    FRANCE = "FR", _("France")
    ITALY = "IT", _("Italy")
    POLAND = "PL", _("Poland")
    ROMANIA = "RO", _("Romania")
    NETHERLANDS = "NL", _("Netherlands")
    OTHER = "XX", _("Another country")


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("All newcomers")
    ADULTS = "adults", _("Adults")
    FAMILIES = "families", _("Children and families")
    YOUTH = "youth", _("Young people")
    JOB_SEEKERS = "job-seekers", _("Job seekers")
    OLDER = "older", _("Older people")
    PROFESSIONALS = "professionals", _("Library staff and partners")


class PracticeIndexPage(IndexRoutingMixin, Page):
    """Good practices, filtered by country, target group and topic."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("What the collection is and how to add a practice to it."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.PracticePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("good-practice index")

    def practices(self):
        return listed(PracticePage, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        country = choice_for(request.GET.get("country", ""), Country.choices)
        group = choice_for(request.GET.get("group", ""), TargetGroup.choices)
        topic_slug = request.GET.get("topic", "")[:100]
        practices, current_topic = filter_by_topic(self.practices(), topic_slug)
        if country:
            practices = practices.filter(country=country)
        if group:
            practices = practices.filter(target_group=group)
        context.update(
            {
                "practices": paginate(
                    with_topics(
                        practices.order_by("-first_published_at", "pk"),
                        PracticePageTopic,
                    ).defer_streamfields(),
                    request,
                ),
                "countries": Country.choices,
                "groups": TargetGroup.choices,
                "topics": topics_of(PracticePageTopic, self.practices()),
                "country": country,
                "group": group,
                "topic_slug": topic_slug,
                "current_topic": current_topic,
                "filtered": bool(country or group or topic_slug),
            }
        )
        return context


class PracticePageTopic(TopicItemBase):
    content_object = ParentalKey(
        "resources.PracticePage", on_delete=models.CASCADE, related_name="topic_items"
    )


class PracticePage(Page):
    """One good practice, told in the same structure as every other."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for lists and digests."),
    )
    library = models.CharField(
        _("library"),
        max_length=200,
        help_text=_("The library or libraries; name organisations, not persons."),
    )
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, db_index=True
    )
    target_group = models.CharField(
        _("target group"),
        max_length=20,
        choices=TargetGroup.choices,
        db_index=True,
    )
    problem = RichTextField(
        _("the problem"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What was missing or hard, and for whom."),
    )
    action = RichTextField(
        _("what was done"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The activity, step by step, so another library can repeat it."),
    )
    resources_needed = RichTextField(
        _("resources needed"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("People, rooms, equipment, money, partners."),
    )
    results = StreamField(
        [("result", PracticeResultBlock())],
        verbose_name=_("results"),
        blank=True,
        help_text=_("Results with numbers: participants, sessions, loans, ..."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=300,
        blank=True,
        help_text=_(
            "The organisation's public address, e-mail or website; no private persons."
        ),
    )
    topics = ClusterTaggableManager(
        through=PracticePageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["resources.PracticeIndexPage"]
    subpage_types = []
    digest_group = _("Good practices")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("library"),
                FieldPanel("country"),
                FieldPanel("target_group"),
                FieldPanel("contact"),
            ],
            heading=_("Who and where"),
        ),
        FieldPanel("problem"),
        FieldPanel("action"),
        FieldPanel("resources_needed"),
        FieldPanel("results"),
        FieldPanel("topics"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("library"),
        index.SearchField("problem"),
        index.SearchField("action"),
        index.FilterField("country"),
        index.FilterField("target_group"),
    ]

    class Meta:
        verbose_name = _("good practice")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = index_of(self, request)
        return context
