"""When a webinar takes place, as its page, the index and the home page show it."""

from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format, get_format
from django.utils.html import format_html

register = template.Library()

# Webinars are given in Riga time, whatever the reader's time zone.
RIGA = ZoneInfo("Europe/Riga")


@register.simple_tag
def webinar_when(start):
    """A <time> element: the weekday, date, time and time zone of ``start`` in Riga.

    Formatted in Python rather than by an included template, in one pass over
    one format: an index shows it on every card.
    """
    local = timezone.localtime(start, RIGA)
    shown = date_format(local, f"l, {get_format('DATE_FORMAT')}, H:i T")
    return format_html('<time datetime="{}">{}</time>', local.isoformat(), shown)
