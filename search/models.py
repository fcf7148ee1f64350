"""The public search index: one row per live page, kept in step on publish."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from home.models import Topic


class IdArrayField(models.Field):
    """An ``integer[]`` column that SQL fills (search/indexing.py), never a form.

    Not Django's ArrayField: that casts every value it writes, which SQLite cannot
    parse, and on SQLite the column only ever holds NULL.
    """

    def __init__(self, *args, **kwargs):
        kwargs.update(null=True, editable=False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["null"], kwargs["editable"]
        return name, path, args, kwargs

    def db_type(self, connection):
        return "integer[]"


class SearchEntry(models.Model):
    """What the site search knows of one live page, in the page's own language.

    ``keywords`` holds the title and text as stems (see search/text.py); on
    PostgreSQL ``vector`` and ``title_vector`` are built from them and GIN-indexed
    with the locale, on SQLite the search falls back to substring matches on
    ``keywords``. ``topic_ids`` repeats ``topics`` beside the vectors (PostgreSQL
    only) so that a search counts its topics without joining thousands of rows.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    keywords = models.TextField(blank=True)
    title_keywords = models.TextField(blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="search_entries")
    vector = SearchVectorField(null=True)
    title_vector = SearchVectorField(null=True)
    topic_ids = IdArrayField()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "content_type"])]

    def __str__(self):
        return self.title
