"""The site search page."""

import unicodedata

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.models import Locale, Page

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


def search(request):
    """Live, public pages of the active language matching the query, paginated."""
    query = clean_query(request.GET.get("query", ""))
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
