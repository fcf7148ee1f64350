"""What the library's index pages share: a topic filter and pagination."""

import re

from django.core.paginator import Paginator

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


def paginate(queryset, request, per_page=ITEMS_PER_PAGE):
    """The page of ``queryset`` that ``?page=`` asks for; a bad number gets page 1."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def topics_of(through, pages):
    """The topics any of ``pages`` (a queryset) is tagged with, by name."""
    return Topic.objects.filter(
        pk__in=through.objects.filter(content_object__in=pages).values("tag_id")
    ).order_by("name")
