"""The topics a page is tagged with, remembered for the content generation."""

from django import template

from home.caching import memoized_for_page

register = template.Library()


@register.simple_tag(takes_context=True)
def page_topics(context, page):
    """``page``'s topics, in the vocabulary's order; [] for a page without topics."""
    topics = getattr(page, "topics", None)
    if topics is None:
        return []
    return memoized_for_page(
        context.get("request"), page, "topics", lambda: list(topics.all())
    )
