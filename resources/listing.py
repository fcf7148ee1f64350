"""What the library's index pages share: a topic filter and pagination."""

import re

from django.core.paginator import Paginator
from django.db.models import Prefetch

from wagtail.models import Page

from home.models import Topic

ITEMS_PER_PAGE = 12
SLUG = re.compile(r"[-\w]{1,100}")


def topic_for(value):
    """The topic a ``?topic=`` value names, or None; a non-slug asks nothing."""
    if not value or not SLUG.fullmatch(value):
        return None
    return Topic.objects.filter(slug=value).first()


def filter_by_topic(pages, value):
    """(pages on the topic ``value`` names, that topic); no pages if it names none."""
    if not value:
        return pages, None
    topic = topic_for(value)
    if topic is None:
        return pages.none(), None
    return pages.filter(topic_items__tag=topic), topic


def choice_for(value, choices):
    """``value`` if it is one of the model field's ``choices``, else ""."""
    return value if value in dict(choices) else ""


def paginate(queryset, request, per_page=None):
    """The page of ``queryset`` that ``?page=`` asks for; a bad number gets page 1."""
    paginator = Paginator(queryset, per_page or ITEMS_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def topics_of(through, pages):
    """The topics any of ``pages`` (a queryset) is tagged with, by name."""
    return Topic.objects.filter(
        pk__in=through.objects.filter(content_object__in=pages).values("tag_id")
    ).order_by("name")


def listed(model, index):
    """Live ``model`` pages under ``index`` outside private sections.

    The private sections are looked up once per index object, so once a request
    however many lists the page shows.
    """
    if not hasattr(index, "_private_q"):
        index._private_q = Page.objects.private_q()
    return model.objects.live().child_of(index).exclude(index._private_q)


def with_topics(pages, through):
    """``pages`` with their topic items and topics, fetched in one more query."""
    return pages.prefetch_related(
        Prefetch("topic_items", queryset=through.objects.select_related("tag"))
    )


class IndexRoutingMixin:
    """An index page that tells the child it routes to who its parent is.

    Saves the child a query for its breadcrumb: Wagtail has just loaded the index.
    """

    def route(self, request, path_components):
        if path_components:
            request.library_index = self
        return super().route(request, path_components)


def index_of(page, request):
    """The index page above ``page``: the one that routed to it, else looked up."""
    index = getattr(request, "library_index", None)
    if index is not None and page.path and index.path == page.path[: -Page.steplen]:
        return index
    return Page.objects.parent_of(page).only("id", "title", "url_path").first()
