"""The offline pack's download link on a course page."""

from django import template

from home.caching import current_generation, memoized

from ..exports import offline_pack_size

register = template.Library()


@register.inclusion_tag("courses/includes/offline_pack_link.html", takes_context=True)
def offline_pack_link(context, course):
    """The link with the pack's size, for a public course only.

    The pack is built on the first call per content generation; later pages read
    its size from the cache, and each process remembers it for the generation.
    (Whether any view restriction exists is remembered by home/serving.py, so
    asking costs no query on a site without any.)
    """
    if not course.live or course.get_view_restrictions().exists():
        return {}
    request = context["request"]
    generation = current_generation(request)
    size = memoized(
        request,
        ("offline pack size", course.pk),
        lambda: offline_pack_size(course, generation),
    )
    return {"course": course, "size": size}
