"""Keeping the search index in step with the page tree."""

from collections import defaultdict
from itertools import islice

from django.db import connection, transaction
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags

from wagtail.models import Locale, Page
from wagtail.search.index import SearchField

from .models import SearchEntry
from .text import config_for, normalise

# Transcripts can be long; the index keeps this much text per page.
MAX_BODY_LENGTH = 200_000
# Pages read and indexed at once by a rebuild.
REBUILD_CHUNK = 500


def as_text(value):
    """A field's searchable value as plain text (rich text loses its tags)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(as_text(item) for item in value.values())
    return " ".join(strip_tags(str(value)).split())


def page_texts(page):
    """(title, body) of a specific page: its title and its other search fields."""
    texts = []
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            texts.append(as_text(field.get_value(page)))
    return page.title, " ".join(text for text in texts if text)[:MAX_BODY_LENGTH]


def topic_ids(page):
    """The ids of the shared-vocabulary topics ``page`` is tagged with, if any."""
    items = getattr(page, "topic_items", None)
    if items is None:
        return []
    return [item.tag_id for item in items.all()]


def searchable(page):
    """Whether ``page`` belongs in the public search: live, public, not the root.

    Aliases (wagtail-localize's stand-ins for untranslated pages) repeat their
    source page, which is found under its own language.
    """
    return (
        page.live
        and page.depth > 1
        and page.alias_of_id is None
        and not page.get_view_restrictions().exists()
    )


@transaction.atomic
def index_page(page):
    """Add, refresh or remove ``page``'s entry, as its state says."""
    page = page.specific
    if not searchable(page):
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return
    write_entry(page)
    update_vectors([page.pk])


def entry_fields(page, language):
    """The texts of a live specific page's entry, as stored (vectors come after)."""
    title, body = page_texts(page)
    return {
        "locale_id": page.locale_id,
        "content_type_id": page.content_type_id,
        "title": title,
        "body": body,
        "title_keywords": normalise(title, language),
        "keywords": normalise(body, language),
    }


def write_entry(page):
    """Store the texts and topics of a live specific page (vectors come after)."""
    entry, _created = SearchEntry.objects.update_or_create(
        page_id=page.pk, defaults=entry_fields(page, page.locale.language_code)
    )
    entry.topics.set(topic_ids(page))


def prefetch_topics(pages):
    """Read the topics of ``pages`` in a query per page type, not one per page."""
    by_model = defaultdict(list)
    for page in pages:
        if hasattr(page, "topic_items"):
            by_model[type(page)].append(page)
    for same_type in by_model.values():
        prefetch_related_objects(same_type, "topic_items")


def add_entries(pages, languages):
    """New entries for live specific pages without one, in bulk (as write_entry).

    ``languages`` maps locale ids to language codes.
    """
    prefetch_topics(pages)
    SearchEntry.objects.bulk_create(
        SearchEntry(page_id=page.pk, **entry_fields(page, languages[page.locale_id]))
        for page in pages
    )
    Through = SearchEntry.topics.through
    Through.objects.bulk_create(
        Through(searchentry_id=page.pk, topic_id=topic_id)
        for page in pages
        for topic_id in topic_ids(page)
    )


def update_vectors(page_ids=None):
    """Build the weighted tsvectors of these entries (all when None), on PostgreSQL.

    The title weighs A and the rest B, so a title match ranks above a body match.
    The topic ids are copied beside them, for counting topics (search/query.py),
    in id order so that a rebuild writes the same array as publishing did.
    """
    if connection.vendor != "postgresql":
        return
    only = "" if page_ids is None else "AND e.page_id = ANY(%s)"
    params = [] if page_ids is None else [list(page_ids)]
    sql = f"""
        UPDATE search_searchentry AS e SET
            title_vector = to_tsvector(c.cfg, e.title_keywords),
            vector = setweight(to_tsvector(c.cfg, e.title_keywords), 'A')
                || setweight(to_tsvector(c.cfg, e.keywords), 'B'),
            topic_ids = ARRAY(
                SELECT t.topic_id FROM search_searchentry_topics AS t
                WHERE t.searchentry_id = e.page_id ORDER BY t.topic_id
            )
        FROM (
            SELECT l.id, CASE l.language_code {language_cases()} ELSE 'simple' END
                ::regconfig AS cfg
            FROM wagtailcore_locale AS l
        ) AS c
        WHERE c.id = e.locale_id {only}
    """  # noqa: S608 - the only interpolations are fixed SQL built here
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def language_cases():
    """CASE branches mapping language codes to configurations (constants only)."""
    return " ".join(
        f"WHEN '{code}' THEN '{config_for(code)}'" for code in ("en", "ru", "lv", "uk")
    )


@transaction.atomic
def index_subtree(page):
    """Re-index ``page`` and its descendants (their privacy changed)."""
    for descendant in page.get_descendants(inclusive=True).specific():
        index_page(descendant)


@transaction.atomic
def rebuild():
    """Index every live public page again from scratch; returns how many are indexed.

    In bulk, a chunk of pages at a time: a site of 10,000 pages takes seconds, where
    indexing them one by one (as publishing does) took minutes.
    """
    SearchEntry.objects.all().delete()
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    pages = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True)
    rows = pages.specific().iterator(chunk_size=REBUILD_CHUNK)
    count = 0
    while chunk := list(islice(rows, REBUILD_CHUNK)):
        add_entries(chunk, languages)
        count += len(chunk)
    update_vectors()
    return count


def vacuum():
    """Clear out the rows a rebuild left behind, then refresh the planner's figures.

    A rebuild writes every entry twice (texts, then vectors): until autovacuum
    comes by, each search would also visit the dead versions its indexes still
    point to. PostgreSQL only, and not inside a transaction (VACUUM cannot run in
    one).
    """
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchentry")
