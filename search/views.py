"""The site search page and the search box's autocomplete."""

import unicodedata
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from django_ratelimit.core import is_ratelimited

from home.caching import current_generation, memoized

from . import highlight
from .query import (
    Search,
    active_locales,
    autocomplete,
    log_query,
    remembered,
    suggested_topics,
    type_facet_label,
)

RESULTS_PER_PAGE = 10
MAX_PAGE = 100_000  # more than the index's entries
MAX_QUERY_LENGTH = 200
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def clean_query(raw):
    """The query as plain words: control characters become spaces, length is capped.

    PostgreSQL rejects NUL in a string, and no other control character means
    anything in a search.
    """
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs") else char for char in raw
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def chosen_language(request):
    """The results' language: the ``lang`` filter if valid, else the page's."""
    language = request.GET.get("lang", "")
    return language if language in LANGUAGE_CODES else get_language()


def requested_window(page):
    """The slice of results the paginator will show for ``page`` if it exists:
    ranked with the counts, in the same query.

    A page past the results gets the last (the paginator asks for that one
    again); an absurd number one far past them, not an OFFSET out of range.
    """
    try:
        number = min(max(int(page), 1), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * RESULTS_PER_PAGE
    return slice(start, start + RESULTS_PER_PAGE)


def promotions(request, query, locale_id):
    """Trainers' promoted results for this query: external links and live pages."""
    query_string = normalise_query_string(query)
    return [
        promotion
        for promotion in memoized(request, "search-promotions", all_promotions)
        if promotion.query.query_string == query_string
        and (
            promotion.page is None
            or (promotion.page.live and promotion.page.locale_id == locale_id)
        )
    ]


def all_promotions():
    """Every promotion, remembered per content generation (saving or deleting one
    bumps it): trainers keep a few, where visitors' query strings are endless and
    would crowd the process memo out if each were remembered."""
    return list(SearchPromotion.objects.select_related("query", "page__locale"))


def decorate(request, entries, search):
    """Results as the template shows them: page, link, type, date, marked title
    and snippet. The link and date are made here, the same strings as the
    ``pageurl`` tag and ``date`` filters made, with less work per result."""
    terms = search.terms(search.language)
    return [
        {
            "page": entry.page,
            "url": entry.page.get_url(request),
            "title": highlight.title(entry.title, terms, search.language),
            "snippet": highlight.snippet(entry.body, terms, search.language),
            "type": type_facet_label(entry.content_type_id),
            **published(entry.page.last_published_at),
        }
        for entry in entries
    ]


def published(when):
    """A result's date of publication, for its <time> element (none if unknown)."""
    if when is None:
        return {}
    when = timezone.localtime(when)
    return {"published": date_format(when), "published_iso": when.isoformat()}


def link_facets(request, search):
    """Give each facet its link, and return the links clearing the type and topic.

    What the ``querystring`` tag writes (the request's parameters with that
    choice made, back to the first page), built from one copy of them: the tag
    copies them again for each of a page's few dozen facets.
    """
    params = {key: values for key, values in request.GET.lists() if key != "page"}

    def link(key, value):
        chosen = dict(params)
        if value is None:
            chosen.pop(key, None)
        else:
            chosen[key] = [value]
        return f"?{urlencode(chosen, doseq=True)}"

    for key, facets in [
        ("lang", search.languages),
        ("type", search.types),
        ("topic", search.topics),
    ]:
        for facet in facets:
            facet.url = link(key, facet.key)
    return {"type": link("type", None), "topic": link("topic", None)}


def too_many_searches(request):
    """Per-client limit on searches (SEARCH_RATE_LIMIT); the empty form is free."""
    return is_ratelimited(
        request,
        group="search",
        key="ip",
        rate=lambda group, request: settings.SEARCH_RATE_LIMIT,
        increment=True,
    )


def search(request):
    """Live pages matching the query, in the visitor's language, with facets."""
    query = clean_query(request.GET.get("query", ""))
    if query and too_many_searches(request):
        return TemplateResponse(
            request,
            "search/search.html",
            {
                "search_query": query,
                "error": _("Too many searches. Please wait a minute and try again."),
            },
            status=429,
        )
    search = Search(
        query=query,
        language=chosen_language(request),
        type_name=request.GET.get("type", "")[:201],
        topic=request.GET.get("topic", "")[:101],
        generation=current_generation(request),
        locales=memoized(request, "search-locales", active_locales),
    )
    if query:
        search.run(requested_window(request.GET.get("page")))
    clear_links = link_facets(request, search) if search.found_anywhere else {}
    results = search.results() if search.total else []
    page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    first_view = query and not ({"page", "type", "topic", "lang"} & set(request.GET))
    if first_view:
        log_query(query)
    context = {
        "search_query": query,
        "search": search,
        "search_results": page_of_results,
        "total_display": number_format(search.total, force_grouping=True),
        "results": decorate(request, page_of_results.object_list, search),
        "clear_links": clear_links,
        "filters": {
            "lang": request.GET.get("lang", ""),
            "type": search.type_name,
            "topic": search.topic,
        },
    }
    if first_view and search.language in search.locales:
        locale_id = search.locales[search.language]
        context["promotions"] = promotions(request, query, locale_id)
    if query and not search.total:
        context["suggested_topics"] = suggested_topics(get_language())
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def autocomplete_view(request):
    """Up to eight page titles starting with the typed words, as JSON."""
    query = clean_query(request.GET.get("query", ""))
    language = get_language()

    def suggestions():
        if not query:
            return []
        locales = memoized(request, "search-locales", active_locales)
        entries = autocomplete(query, language, locales.get(language))
        return [
            {"title": entry.title, "url": entry.page.get_url(request)}
            for entry in entries
        ]

    generation = current_generation(request)
    results = remembered(generation, ("autocomplete", language, query), suggestions)
    response = JsonResponse({"query": query, "results": results})
    response["Cache-Control"] = "max-age=60"
    return response
