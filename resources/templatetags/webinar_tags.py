"""When a webinar takes place, as its page, the index and the home page show it."""

from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import format_html

register = template.Library()

# Webinars are given in Riga time, whatever the reader's time zone.
RIGA = ZoneInfo("Europe/Riga")


@register.simple_tag
def webinar_when(start):
    """A <time> element: the weekday, date, time and time zone of ``start`` in Riga.

    Formatted in Python rather than by an included template: an index shows it on
    every card, and the template took a third of the index's rendering.
    """
    local = timezone.localtime(start, RIGA)
    return format_html(
        '<time datetime="{}">{}, {}, {} {}</time>',
        date_format(local, "c"),
        date_format(local, "l"),
        date_format(local, "DATE_FORMAT"),
        time_format(local, "H:i"),
        date_format(local, "T"),
    )
