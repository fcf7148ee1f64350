"""The "I followed this webinar" box on a past webinar's page."""

from django import template

from ..attendance import attendance_of, can_mark_followed

register = template.Library()


@register.inclusion_tag("learning/includes/webinar_followed.html", takes_context=True)
def webinar_followed(context, webinar):
    """Nothing before the webinar has a recording; then the form or what is recorded.

    Anonymous readers get the same sign-in hint, so their page stays cacheable.
    """
    request = context["request"]
    result = {"request": request, "webinar": webinar}
    result["shown"] = can_mark_followed(webinar)
    if result["shown"] and request.user.is_authenticated:
        result["attendance"] = attendance_of(request.user, webinar)
    return result
