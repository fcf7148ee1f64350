"""The site search page."""

import unicodedata

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from django_ratelimit.core import is_ratelimited

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The query as plain words: control characters become spaces, length is capped.

    PostgreSQL rejects NUL in a string, and no other control character means
    anything in a search.
    """
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs") else char for char in raw
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


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
    """Live, public pages of the active language matching the query, paginated."""
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
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .search(query)
        )
    page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page_of_results},
    )
