"""Running a search over the index: matches, facet counts, ranked results, snippets."""

import hashlib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q
from django.db.models.functions import Collate
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from home.models import Topic

from .models import SearchEntry
from .text import config_for, query_terms, tsquery

SLUG = re.compile(r"[-\w]{1,100}")
TYPE = re.compile(r"\w{1,100}\.\w{1,100}")
MAX_TOPIC_FACETS = 12
SUGGESTED_TOPICS = 8


def uses_postgres():
    return connection.vendor == "postgresql"


def text_query(terms, language, any_term=False):
    """The tsquery for ``terms`` (all, or any) in ``language``'s configuration."""
    return SearchQuery(
        tsquery(terms, any_term), config=config_for(language), search_type="raw"
    )


def matching(language, locale_id, terms, title_only=False):
    """A Q for entries of ``locale_id`` whose text (or title) holds every term.

    On SQLite (``make run``) a substring test on the stored stems stands in for
    the PostgreSQL text search.
    """
    if uses_postgres():
        column = "title_vector" if title_only else "vector"
        return Q(locale_id=locale_id, **{column: text_query(terms, language)})
    condition = Q(locale_id=locale_id)
    for term in terms:
        found = Q(title_keywords__contains=term)
        if not title_only:
            found |= Q(keywords__contains=term)
        condition &= found
    return condition


def page_type(value):
    """The ContentType of a page model named "app_label.model", or None."""
    if not TYPE.fullmatch(value):
        return None
    app_label, model_name = value.lower().split(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    return content_type if model and issubclass(model, Page) else None


def type_facet_key(content_type_id):
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def type_facet_label(content_type_id):
    """A page type's verbose name, as the type facet shows it.

    The singular: a model without an explicit plural would get a made-up one.
    """
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._meta.verbose_name if model else ""


def remembered(generation, described, build):
    """``build()``, kept in the cache under ``described`` for the content generation.

    Nothing is kept without a generation (the cache is down) or with
    SEARCH_CACHE_SECONDS at 0.
    """
    if generation is None or not settings.SEARCH_CACHE_SECONDS:
        return build()
    digest = hashlib.sha256(repr(described).encode()).hexdigest()
    key = f"search:{generation}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.SEARCH_CACHE_SECONDS)
    return value


# Wagtail's Query.get(...).add_hit() in one statement: the query's row, made if
# new, and today's count, made or incremented. Committed without waiting for the
# disk (set_config is local to the statement's transaction): a count lost in a
# crash is no loss, and the wait was the most of the statement's time.
COUNT_HIT = """
    WITH query AS (
        INSERT INTO wagtailsearchpromotions_query (query_string) VALUES (%s)
        ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string
        RETURNING id
    ), quick_commit AS (
        SELECT set_config('synchronous_commit', 'off', true)
    )
    INSERT INTO wagtailsearchpromotions_querydailyhits (query_id, date, hits)
    SELECT id, %s, 1 FROM query, quick_commit
    ON CONFLICT (query_id, date)
    DO UPDATE SET hits = wagtailsearchpromotions_querydailyhits.hits + 1
"""


def log_query(query_string):
    """Count one search for ``query_string`` today, for the admin's search terms.

    In the request: one statement costs less than queueing a task for it.
    """
    if not uses_postgres():
        Query.get(query_string).add_hit()
        return
    today = timezone.now().date()
    with connection.cursor() as cursor:
        cursor.execute(COUNT_HIT, [normalise_query_string(query_string), today])


def active_locales():
    """{language code: locale id} for the site's languages."""
    codes = [code for code, _name in settings.LANGUAGES]
    locales = Locale.objects.filter(language_code__in=codes)
    return dict(locales.values_list("language_code", "pk"))


@dataclass
class Facet:
    """One choice of a filter, with how many results choosing it would show."""

    key: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Search:
    """A visitor's search: the query, the chosen filters, and the index's answer.

    Facet counts follow the other chosen filters: the language counts honour the
    type and topic, the type counts the language and topic, and so on. With a
    content ``generation`` the counts and each page of results are kept in the
    cache for SEARCH_CACHE_SECONDS: a popular query is counted and ranked once per
    change of content.
    """

    query: str
    language: str
    type_name: str = ""
    topic: str = ""
    locales: dict = field(default_factory=dict)
    total: int = 0
    languages: list = field(default_factory=list)
    types: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    generation: object = None
    # Keys of results ranked along with the counts, by (start, stop) of the window.
    ranked: dict = field(default_factory=dict)

    def run(self, window=slice(0, 0)):
        """Match and count the facets (one query); results come page by page.

        On PostgreSQL the same query ranks the ``window`` of results (a slice: the
        page asked for), which ``ResultList`` then reads without matching again.
        """
        self.locales = self.locales or active_locales()
        if self.language not in self.locales or not self.terms(self.language):
            return self
        self.languages, self.types, self.topics, self.total = self.cached(
            "facets", lambda: self.count_facets(window)
        )
        return self

    def count_facets(self, window):
        if uses_postgres():
            counts, topics, keys = self.count_in_one_pass(window)
        else:
            counts = self.type_counts(self.locales)
            counts = counts[0].union(*counts[1:], all=True)
            topics = self.most_found_topics()
        self.count_languages_and_types(counts)
        self.topics = [
            Facet(topic.slug, topic.label, topic.count, topic.slug == self.topic)
            for topic in topics
        ]
        if uses_postgres() and window.stop > window.start:
            self.keep_ranked(window, keys)
        return self.languages, self.types, self.topics, self.total

    def keep_ranked(self, window, keys):
        """Keep the ``window``'s ranked keys as the paginator will ask for them:
        a last page's window ends at the total."""
        window = (window.start, min(window.stop, self.total))
        self.ranked[window] = keys
        self.cached(("results", *window), lambda: keys)

    def cached(self, part, build):
        """``build()``, kept in the cache for this search and content generation."""
        terms = [(language, self.terms(language)) for language in self.locales]
        # The interface language names the topics; the search language picks pages.
        described = (get_language(), self.language, terms, self.type_name, self.topic)
        return remembered(self.generation, (described, part), build)

    def terms(self, language):
        return query_terms(self.query, language)

    @property
    def found_anywhere(self):
        """Whether any language has a match (else the filters are not shown)."""
        return any(facet.count for facet in self.languages)

    @cached_property
    def content_type_id(self):
        """The chosen type's id; 0 (matches nothing) for an unknown type."""
        if not self.type_name:
            return None
        content_type = page_type(self.type_name)
        return content_type.pk if content_type else 0

    @cached_property
    def topic_slug(self):
        """The chosen topic's slug; "" for none, None for one that cannot exist."""
        if not self.topic:
            return ""
        return self.topic if SLUG.fullmatch(self.topic) else None

    def filtered(self, entries, by_type=True, by_topic=True):
        """``entries`` narrowed by the chosen type and topic."""
        if by_type and self.content_type_id is not None:
            entries = entries.filter(content_type_id=self.content_type_id)
        if by_topic and self.topic_slug is None:
            entries = entries.none()
        elif by_topic and self.topic_slug:
            entries = entries.filter(topics__slug=self.topic_slug)
        return entries

    def matches(self, by_type=True, by_topic=True):
        """Entries of the chosen language matching the query, narrowed as asked."""
        condition = matching(
            self.language, self.locales[self.language], self.terms(self.language)
        )
        return self.filtered(
            SearchEntry.objects.filter(condition), by_type=by_type, by_topic=by_topic
        )

    def type_counts(self, languages):
        """Queries of (locale id, type id, count) rows, one per language given.

        Joined by UNION ALL: each one's match is wholly an index condition, where
        an OR of them would test every row's vector again.
        """
        return [
            self.filtered(
                SearchEntry.objects.filter(matching(language, locale_id, terms)),
                by_type=False,
            )
            .values_list("locale_id", "content_type_id")
            .annotate(count=Count("pk"))
            .order_by()
            for language, locale_id in self.locales.items()
            if language in languages and (terms := self.terms(language))
        ]

    def count_languages_and_types(self, rows):
        """The language and type facets and the total from (locale, type, count)."""
        chosen_locale = self.locales[self.language]
        by_language = {}
        by_type = {}
        for locale_id, content_type_id, count in rows:
            if self.content_type_id in (None, content_type_id):
                by_language[locale_id] = by_language.get(locale_id, 0) + count
            if locale_id == chosen_locale:
                by_type[content_type_id] = count
        self.languages = [
            Facet(code, name, by_language.get(self.locales[code], 0))
            for code, name in settings.LANGUAGES
            if code in self.locales
        ]
        for facet in self.languages:
            facet.selected = facet.key == self.language
        self.types = sorted(
            (
                Facet(
                    type_facet_key(pk),
                    type_facet_label(pk),
                    count,
                    pk == self.content_type_id,
                )
                for pk, count in by_type.items()
            ),
            key=lambda facet: (-facet.count, str(facet.label)),
        )
        self.total = by_language.get(chosen_locale, 0)

    def most_found_topics(self):
        """The topics most often found among the matches, each with its ``count``."""
        matched = self.matches(by_topic=False)
        return (
            Topic.objects.filter(search_entries__in=matched.values("pk"))
            .annotate(count=Count("pk"))
            .order_by("-count", "name")[:MAX_TOPIC_FACETS]
        )

    def count_in_one_pass(self, window):
        """The type counts of every language, the topic counts and the ranked keys
        of ``window``, in one query.

        PostgreSQL only. The chosen language's matches are read once, into a CTE
        that its counts and its ranking come from (``chosen``); the other
        languages are counted from the index. Each row names its part: a topic
        with its count, a (locale, type, count), or a result's key and place.
        Written as SQL: the ORM took longer to build the other languages' counts
        than PostgreSQL took to run them.
        """
        chosen_sql, params = self.chosen_sql()
        parts = [
            self.topic_counts_sql(),
            self.chosen_type_counts_sql(),
            self.ranked_sql(window),
        ]
        if self.topic_slug is not None:  # else the other languages count nothing
            parts += [
                self.other_type_counts_sql(language, terms)
                for language in self.locales
                if language != self.language and (terms := self.terms(language))
            ]
        for _sql, part_params in parts:
            params += part_params
        union = " UNION ALL ".join(f"({part_sql})" for part_sql, _params in parts)
        sql = f"WITH chosen AS MATERIALIZED ({chosen_sql}) {union}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return read_parts(cursor.fetchall())

    def type_test(self):
        """SQL telling whether an entry is of the chosen type, and its params."""
        if self.content_type_id is None:
            return "TRUE", []
        return "content_type_id = %s", [self.content_type_id]

    def topic_test(self):
        """SQL telling whether an entry has the chosen topic, and its params."""
        if self.topic_slug is None:
            return "FALSE", []
        if not self.topic_slug:
            return "TRUE", []
        table = Topic._meta.db_table
        sql = f"(SELECT id FROM {table} WHERE slug = %s) = ANY(topic_ids)"  # noqa: S608
        return sql, [self.topic_slug]

    def chosen_sql(self):
        """The chosen language's matches, each marked ``shown`` if of the chosen
        type and topic, and then ranked as ``results`` ranks them."""
        terms = self.terms(self.language)
        every_term = [config_for(self.language), tsquery(terms)]
        any_term = [config_for(self.language), tsquery(terms, any_term=True)]
        type_test, type_params = self.type_test()
        topic_test, topic_params = self.topic_test()
        shown = f"({type_test} AND {topic_test})"
        shown_params = type_params + topic_params
        sql = f"""
            SELECT page_id, content_type_id, topic_ids, title, {shown} AS shown,
                title_vector @@ to_tsquery(%s::regconfig, %s) AS title_hit,
                CASE WHEN {shown}
                    THEN ts_rank(vector, to_tsquery(%s::regconfig, %s)) END AS rank
            FROM {SearchEntry._meta.db_table}
            WHERE locale_id = %s AND vector @@ to_tsquery(%s::regconfig, %s)
        """  # noqa: S608 - tests and names built here
        locale = [self.locales[self.language]]
        params = shown_params + every_term + shown_params + any_term
        return sql, params + locale + every_term

    def topic_counts_sql(self):
        """The most found topics among ``chosen`` of the chosen type, with counts.

        Counted from the entries' ``topic_ids``: joining the topics table would
        look up every match's topics one by one. First in the UNION: there
        PostgreSQL learns the types of the columns the other parts leave NULL.
        """
        columns = ", ".join(f"topic.{f.column}" for f in Topic._meta.concrete_fields)
        type_test, params = self.type_test()
        sql = f"""
            SELECT 'topic', NULL, NULL, found.count, {columns} FROM (
                SELECT topic_id, COUNT(*) AS count FROM (
                    SELECT unnest(topic_ids) AS topic_id FROM chosen WHERE {type_test}
                ) AS tagged GROUP BY topic_id
            ) AS found JOIN {Topic._meta.db_table} AS topic ON topic.id = found.topic_id
            ORDER BY found.count DESC, topic.name LIMIT {MAX_TOPIC_FACETS}
        """  # noqa: S608 - a test and names built here, a constant
        return sql, params

    def chosen_type_counts_sql(self):
        """(locale, type, count) of ``chosen`` with the chosen topic, padded."""
        topic_test, params = self.topic_test()
        sql = f"""
            SELECT 'type', %s, content_type_id, COUNT(*), {padding()} FROM chosen
            WHERE {topic_test} GROUP BY content_type_id
        """  # noqa: S608 - a test and names built here
        return sql, [self.locales[self.language], *params]

    def ranked_sql(self, window):
        """The keys of ``chosen``'s shown entries in ``window``, with their places."""
        order = "title_hit DESC, rank DESC, title, page_id"
        sql = f"""
            SELECT 'result', NULL, page_id, ROW_NUMBER() OVER (ORDER BY {order}),
                {padding()}
            FROM (
                SELECT page_id, title_hit, rank, title FROM chosen WHERE shown
                ORDER BY {order} LIMIT %s OFFSET %s
            ) AS ranked
        """  # noqa: S608 - names built here
        return sql, [window.stop - window.start, window.start]

    def other_type_counts_sql(self, language, terms):
        """(locale, type, count) of ``language``'s matches with the chosen topic."""
        topic_test, params = self.topic_test()
        sql = f"""
            SELECT 'type', locale_id, content_type_id, COUNT(*), {padding()}
            FROM {SearchEntry._meta.db_table}
            WHERE locale_id = %s AND vector @@ to_tsquery(%s::regconfig, %s)
                AND {topic_test}
            GROUP BY locale_id, content_type_id
        """  # noqa: S608 - a test and names built here
        query = [self.locales[language], config_for(language), tsquery(terms)]
        return sql, query + params

    def results(self):
        """The ranked results, for the paginator."""
        return ResultList(self)

    def ranked_entries(self):
        """The matching entries, best first: title matches above body matches.

        Every result holds every term; the rank weighs how often and where (title
        or text) each occurs, not how close together: ts_rank of an AND query
        compares every pair of positions, several times the cost of the rest of
        the search on thousands of matches.
        """
        entries = self.matches()
        if uses_postgres():
            terms = self.terms(self.language)
            query = text_query(terms, self.language)
            entries = entries.annotate(
                title_hit=ExpressionWrapper(
                    Q(title_vector=query), output_field=BooleanField()
                ),
                rank=SearchRank(
                    F("vector"), text_query(terms, self.language, any_term=True)
                ),
            ).order_by("-title_hit", "-rank", "title", "pk")
        else:
            title_hit = Q()
            for term in self.terms(self.language):
                title_hit &= Q(title_keywords__contains=term)
            entries = entries.annotate(
                title_hit=ExpressionWrapper(title_hit, output_field=BooleanField())
            ).order_by("-title_hit", "title")
        return entries


# What a result shows (search/views.py's decorate): its link needs only the page's
# path, and fewer fields make its page quicker to load.
RESULT_FIELDS = [
    "title",
    "body",
    "content_type_id",
    "page__title",
    "page__url_path",
    "page__last_published_at",
]


class ResultList:
    """The ranked results, sliced by the paginator, counted without a query.

    A window is ranked once (its entries' keys kept with the search's counts,
    or ranked with them), then its entries are read by key. The ranking query
    is built only for a window not ranked with the counts.
    """

    def __init__(self, search):
        self.search = search

    def count(self):
        return self.search.total

    def __len__(self):
        return self.search.total

    def __getitem__(self, window):
        keys = self.search.ranked.get((window.start, window.stop))
        if keys is None:
            keys = self.search.cached(
                ("results", window.start, window.stop),
                lambda: list(self.ranked_keys(window)),
            )
        entries = SearchEntry.objects.select_related("page").only(*RESULT_FIELDS)
        found = entries.in_bulk(keys)
        return [found[key] for key in keys if key in found]

    def ranked_keys(self, window):
        return self.search.ranked_entries().values_list("pk", flat=True)[window]


def read_parts(rows):
    """(locale, type, count) rows, counted topics and ranked keys from
    ``count_in_one_pass``."""
    names = [field.attname for field in Topic._meta.concrete_fields]
    counts, topics, ranked = [], [], []
    for part, locale_id, key, count, *columns in rows:
        if part == "topic":
            topic = Topic(**dict(zip(names, columns, strict=True)))
            topic.count = count
            topics.append(topic)
        elif part == "type":
            counts.append((locale_id, key, count))
        else:  # a result: its key and place
            ranked.append((count, key))
    return counts, topics, [key for _place, key in sorted(ranked)]


def padding():
    """NULL in place of each of a topic's columns."""
    return ", ".join(["NULL"] * len(Topic._meta.concrete_fields))


def suggested_topics(language):
    """The topics most used in ``language``, for a search that found nothing."""
    return (
        Topic.objects.filter(search_entries__locale__language_code=language)
        .annotate(count=Count("pk"))
        .order_by("-count", "name")[:SUGGESTED_TOPICS]
    )


def title_key():
    """The stemmed title, in byte order on PostgreSQL: the autocomplete's order,
    which an index on (locale, this) gives (search/migrations/0003)."""
    if uses_postgres():
        return Collate("title_keywords", "C")
    return F("title_keywords")


def autocomplete(query, language, locale, limit=8):
    """Entries of ``language`` (locale id ``locale``) whose title holds every word
    of the query (as a word or the start of one), titles starting with the first
    word first, each group in the order of the stemmed titles.

    Not ranked: a common start of a word ("mat") matches thousands of titles,
    and ranking every one took longer than the rest of the request. In the
    stems' order a title that is just the words typed comes before the longer
    ones going on from them. The titles starting with the first word are read
    from an index in order, the first ``limit`` of them; the others only when
    those are fewer.
    """
    terms = query_terms(query, language)
    if not terms or locale is None:
        return []
    matches = (
        SearchEntry.objects.filter(matching(language, locale, terms, title_only=True))
        .alias(key=title_key())
        .order_by("key")
        .select_related("page")
        .only("title", "page__url_path")
    )
    starting = Q(key__startswith=terms[0])
    found = list(matches.filter(starting)[:limit])
    if len(found) < limit:
        found += matches.exclude(starting)[: limit - len(found)]
    return found
