"""Pages and data every part of the site shares: home, content pages, topics."""

from django.db import models
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from .blocks import BodyBlock, OfferBlock
from .caching import memoized, memoized_for_page, memoized_for_page_until


class Topic(TagBase):
    """A topic from the one vocabulary shared by every content type and by digests.

    ``name`` is the Latvian label trainers type in the tag field; the other labels
    are shown to visitors reading the site in those languages.
    """

    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    name_uk = models.CharField(_("name in Ukrainian"), max_length=100, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("name_en"),
        FieldPanel("name_uk"),
        FieldPanel("name_ru"),
    ]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    @property
    def label(self):
        """The topic's name in the active language, or its Latvian name."""
        return getattr(self, f"name_{get_language()}", "") or self.name


class TopicItemBase(ItemBase):
    """Base of the through-models that tag a page type with topics."""

    tag = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        abstract = True


class HomePage(Page):
    """The front page of one language's site: what LIBRI offers and what is new."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("One or two sentences under the title: who the platform is for."),
    )
    offers = StreamField(
        [("offer", OfferBlock())],
        verbose_name=_("what the platform offers"),
        blank=True,
        help_text=_("Cards for the handbook, modules, webinars, tools and more."),
    )
    subscribe_heading = models.CharField(
        _("subscribe heading"), max_length=120, blank=True
    )
    subscribe_text = models.TextField(
        _("subscribe text"),
        max_length=400,
        blank=True,
        help_text=_("Invites readers to the community of practice."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "community.SubscribePage",
        "courses.CourseIndexPage",
        "resources.HandbookPage",
        "resources.WebinarIndexPage",
        "resources.ToolIndexPage",
        "resources.PracticeIndexPage",
        "resources.NewsIndexPage",
        "resources.InitiativeMapPage",
        "resources.PartnershipDirectoryPage",
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("offers"),
        MultiFieldPanel(
            [FieldPanel("subscribe_heading"), FieldPanel("subscribe_text")],
            heading=_("Call to subscribe"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_pages"] = memoized(
            request, ("latest pages", self.pk), lambda: list(self.latest_pages())
        )
        context["subscribe_page"] = memoized(
            request, ("subscribe page", self.pk), self.subscribe_page
        )
        # The next webinar stays next until it ends: the others start after it,
        # and a webinar published or moved in time bumps the content generation.
        context["next_webinar"] = memoized_for_page_until(
            request, self, "next webinar", self.next_webinar_until_it_ends
        )
        context["offers_markup"] = memoized_for_page(
            request,
            self,
            ("offers", get_language()),
            lambda: self.render_offers(request),
        )
        return context

    def render_offers(self, request):
        """The offer cards' markup: the pages they lead to are loaded in one query."""
        context = {"request": request, "page": self}
        return mark_safe(  # noqa: S308 (the blocks' own rendering, escaped)
            "".join(block.render_as_block(context) for block in self.offers)
        )

    def next_webinar_until_it_ends(self):
        webinar = self.next_webinar()
        return webinar, webinar.end if webinar else None

    def next_webinar(self):
        """The next webinar in this home page's language that has not ended."""
        from resources.models import WebinarPage

        return (
            WebinarPage.objects.live()
            .filter(locale_id=self.locale_id, end__gt=timezone.now())
            .order_by("start")
            .only("id", "title", "url_path", "start", "end", "duration", "locale_id")
            .first()
        )

    def subscribe_page(self):
        """This language's digest subscription page, if it is published."""
        from community.models import SubscribePage

        return (
            self.get_children()
            .live()
            .type(SubscribePage)
            .only("id", "title", "url_path", "locale_id")
            .first()
        )

    def latest_pages(self, count=6):
        """The most recently published pages of this home page's language."""
        return (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-first_published_at")
            .only("id", "title", "url_path", "search_description", "locale_id")[:count]
        )


class ContentPageTopic(TopicItemBase):
    content_object = ParentalKey(
        "home.ContentPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class ContentPage(Page):
    """A general page, such as "About LIBRI", with a free-form body."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("Shown under the title and in lists of pages."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ClusterTaggableManager(
        through=ContentPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    digest_group = _("News and pages")

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
        verbose_name = _("content page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and social links shown in every page's footer."""

    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Who runs this site, as named in the footer."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    news_url = models.URLField(
        _("project news"), blank=True, help_text=_("The partner's project news page.")
    )
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Opened by the footer's accessibility link, in the reader's language "
            "where it is translated."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Opened by the footer's privacy link: what the platform holds about "
            "learners and members."
        ),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Statements"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("news_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def social_links(self):
        """(label, url) for each link an editor has filled in."""
        links = [
            (_("Project news"), self.news_url),
            ("LinkedIn", self.linkedin_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]
