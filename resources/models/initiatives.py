"""The support initiatives map: initiatives as pages under a map page with a list."""

import json
from decimal import Decimal

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey

from home.models import TopicItemBase

INITIATIVES_PER_PAGE = 50
LANGUAGE_NAMES = dict(ALL_LANGUAGES)


class InitiativeKind(models.TextChoices):
    CONVERSATION_CLUB = "conversation-club", _("Conversation club")
    LANGUAGE_CAFE = "language-cafe", _("Language café")
    DIGITAL_SKILLS = "digital-skills", _("Digital skills class")
    FAMILY_EVENING = "family-evening", _("Family evening")
    STORY_GAMES = "story-games", _("Board-game and story evening")
    INFORMATION_POINT = "information-point", _("Information point")
    OTHER = "other", _("Other activity")


class InitiativeMapPage(RoutablePageMixin, Page):
    """The map of support initiatives, over a list that works without JavaScript."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("What the map shows and who runs the initiatives."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.InitiativePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("initiatives map")

    def initiatives(self):
        """Live initiatives on this map, by town and title."""
        return (
            InitiativePage.objects.live()
            .public()
            .child_of(self)
            .order_by("town", "title")
        )

    def filters(self, request):
        """The valid type and language asked for in the query string, or ""."""
        kind = request.GET.get("type", "")
        language = request.GET.get("language", "")
        return {
            "kind": kind if kind in InitiativeKind.values else "",
            "language": language if language in LANGUAGE_NAMES else "",
        }

    def filtered(self, filters):
        initiatives = self.initiatives()
        if filters["kind"]:
            initiatives = initiatives.filter(kind=filters["kind"])
        if filters["language"]:
            initiatives = initiatives.filter(languages__language=filters["language"])
        return initiatives

    def languages_in_use(self):
        """(code, name) of each language some live initiative here is offered in.

        Read straight from the language rows of this page's live children, in one
        query (a restricted initiative only adds a language to the choices).
        """
        codes = (
            InitiativeLanguage.objects.filter(
                page__live=True,
                page__depth=self.depth + 1,
                page__path__startswith=self.path,
            )
            .order_by("language")
            .values_list("language", flat=True)
            .distinct()
        )
        return sorted(
            ((code, LANGUAGE_NAMES[code]) for code in codes if code in LANGUAGE_NAMES),
            key=lambda item: str(item[1]),
        )

    @path("")
    def index(self, request):
        filters = self.filters(request)
        initiatives = self.filtered(filters).prefetch_related("languages")
        paginator = Paginator(initiatives, INITIATIVES_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        query = "&".join(
            f"{name}={value}"
            for name, value in (
                ("type", filters["kind"]),
                ("language", filters["language"]),
            )
            if value
        )
        return self.render(
            request,
            context_overrides={
                "initiatives": page_obj,
                "kinds": InitiativeKind.choices,
                "languages": self.languages_in_use(),
                "filters": filters,
                "filter_query": query,
                "asked_for_filter": bool(
                    request.GET.get("type") or request.GET.get("language")
                ),
                "tiles_url": settings.MAP_TILES_URL,
                "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
            },
        )

    # Wagtail serves only slash-ended paths of word characters, so not ".geojson".
    @path("geojson/", name="geojson")
    def geojson(self, request):
        """The filtered initiatives as an RFC 7946 FeatureCollection."""
        filters = self.filters(request)
        initiatives = self.filtered(filters).prefetch_related("languages")
        collection = {
            "type": "FeatureCollection",
            "features": [item.feature(request) for item in initiatives],
        }
        return HttpResponse(
            json.dumps(collection, ensure_ascii=False),
            content_type="application/geo+json; charset=utf-8",
        )


class InitiativePageTopic(TopicItemBase):
    content_object = ParentalKey(
        "resources.InitiativePage", on_delete=models.CASCADE, related_name="topic_items"
    )


class InitiativeLanguage(Orderable):
    """A language an initiative is offered in."""

    page = ParentalKey(
        "resources.InitiativePage", on_delete=models.CASCADE, related_name="languages"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=ALL_LANGUAGES, db_index=True
    )

    panels = [FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("language offered")
        verbose_name_plural = _("languages offered")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="unique_initiative_language"
            )
        ]

    @property
    def name(self):
        return LANGUAGE_NAMES.get(self.language, self.language)


class InitiativePage(Page):
    """A support initiative: who runs it, what it is, where and when it meets."""

    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        help_text=_("The library or institution that runs it."),
    )
    kind = models.CharField(
        _("type"),
        max_length=30,
        choices=InitiativeKind.choices,
        default=InitiativeKind.CONVERSATION_CLUB,
        db_index=True,
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences on what happens there and for whom."),
    )
    address = models.CharField(
        _("address"),
        max_length=255,
        help_text=_("Street, number and town, as a visitor would look for it."),
    )
    town = models.CharField(
        _("town"), max_length=100, help_text=_("For sorting and the list.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text=_("Decimal degrees north, e.g. 56.94965 for Riga."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[
            MinValueValidator(Decimal(-180)),
            MaxValueValidator(Decimal(180)),
        ],
        help_text=_("Decimal degrees east, e.g. 24.10519 for Riga."),
    )
    schedule = models.CharField(
        _("schedule"),
        max_length=255,
        help_text=_("When it meets, e.g. “Tuesdays 17:00–18:30”."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=255,
        blank=True,
        help_text=_(
            "The organisation's phone, email or web address; no private persons."
        ),
    )
    topics = ClusterTaggableManager(
        through=InitiativePageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["resources.InitiativeMapPage"]
    subpage_types = []
    digest_group = _("Support initiatives")

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("town"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("schedule"),
        InlinePanel("languages", heading=_("Languages offered"), min_num=1),
        FieldPanel("contact"),
        FieldPanel("topics"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("organisation"),
        index.SearchField("summary"),
        index.SearchField("town"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("support initiative")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_page"] = (
            Page.objects.parent_of(self).only("id", "title", "url_path").first()
        )
        return context

    @property
    def anchor(self):
        """The id of this initiative's entry in the map page's list."""
        return f"initiative-{self.pk}"

    def feature(self, request):
        """This initiative as a GeoJSON Feature (RFC 7946: longitude first)."""
        return {
            "type": "Feature",
            "id": self.pk,
            "geometry": {
                "type": "Point",
                "coordinates": [float(self.longitude), float(self.latitude)],
            },
            "properties": {
                "title": self.title,
                "organisation": self.organisation,
                "type": self.kind,
                "type_label": str(self.get_kind_display()),
                "address": self.address,
                "schedule": self.schedule,
                "languages": [item.language for item in self.languages.all()],
                "anchor": self.anchor,
                "url": self.get_url(request),
            },
        }
