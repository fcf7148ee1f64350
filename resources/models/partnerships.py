"""Local partnerships and their hackathons: translatable snippets and a directory."""

from django.db import models
from django.db.models import Count, Prefetch, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel


@register_snippet
class Partnership(TranslatableMixin, models.Model):
    """A local partnership: a library, a municipality and an integration institution."""

    library = models.CharField(_("library"), max_length=200)
    town = models.CharField(_("town"), max_length=100, blank=True)
    municipality = models.CharField(
        _("municipality"),
        max_length=200,
        help_text=_("The municipality or its social service or culture department."),
    )
    integration_institution = models.CharField(
        _("integration institution"),
        max_length=200,
        help_text=_("The NGO or public body that works on integration."),
    )
    memorandum_date = models.DateField(
        _("memorandum signed on"),
        null=True,
        blank=True,
        help_text=_("Leave empty if it is not known."),
    )
    note = models.TextField(
        _("note"),
        max_length=600,
        blank=True,
        help_text=_("Other partners or facts worth knowing."),
    )

    panels = [
        FieldPanel("library"),
        FieldPanel("town"),
        FieldPanel("municipality"),
        FieldPanel("integration_institution"),
        FieldPanel("memorandum_date"),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["library"]

    def __str__(self):
        return self.library


@register_snippet
class Hackathon(TranslatableMixin, ClusterableModel):
    """A hackathon where a partnership worked out its problems with the community."""

    date = models.DateField(_("date"))
    venue = models.CharField(
        _("venue"), max_length=200, help_text=_("The host library and its town.")
    )
    libraries = ParentalManyToManyField(
        Partnership,
        verbose_name=_("libraries taking part"),
        blank=True,
        related_name="hackathons",
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_("Leave empty if it is not known."),
    )

    panels = [
        FieldPanel("date"),
        FieldPanel("venue"),
        FieldPanel("libraries"),
        FieldPanel("participants"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("hackathon")
        verbose_name_plural = _("hackathons")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.venue}"


def hackathon_totals(locale):
    """The number of hackathons and their participants in ``locale``, summed by SQL."""
    return Hackathon.objects.filter(locale=locale).aggregate(
        count=Count("id"), participants=Sum("participants")
    )


class PartnershipDirectoryPage(Page):
    """The local partnerships and the hackathons they held, with totals."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("What a local partnership is and how this list came about."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("partnership directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partnerships"] = Partnership.objects.filter(locale_id=self.locale_id)
        context["hackathons"] = Hackathon.objects.filter(
            locale_id=self.locale_id
        ).prefetch_related(
            Prefetch("libraries", queryset=Partnership.objects.only("id", "library"))
        )
        context["totals"] = hackathon_totals(self.locale_id)
        return context
