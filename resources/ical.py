"""Webinars as iCalendar (RFC 5545): one entry to download, or a feed of them all."""

import html
from datetime import UTC

from django.utils import timezone
from django.utils.html import strip_tags

from icalendar import Calendar, Event

PRODID = "-//LIBRI Library Bridges//Webinars//EN"
UID_DOMAIN = "webinars.libri"


def plain_text(rich_text):
    """Rich text as plain text: block ends become line breaks, entities decoded."""
    text = rich_text.replace("</p>", "\n").replace("</li>", "\n").replace("<br/>", "\n")
    lines = (html.unescape(line).strip() for line in strip_tags(text).splitlines())
    return "\n".join(line for line in lines if line)


def webinar_uid(webinar):
    """The same for every language version of a webinar and for every download."""
    return f"{webinar.translation_key}@{UID_DOMAIN}"


def webinar_event(request, webinar):
    url = webinar.get_full_url(request)
    event = Event()
    event.add("uid", webinar_uid(webinar))
    stamp = webinar.last_published_at or webinar.latest_revision_created_at
    event.add("dtstamp", (stamp or timezone.now()).astimezone(UTC))
    event.add("dtstart", webinar.start.astimezone(UTC))
    event.add("dtend", webinar.ends_at.astimezone(UTC))
    event.add("summary", webinar.title)
    parts = [webinar.summary, plain_text(webinar.description)]
    if webinar.join_url:
        parts.append(webinar.join_url)
    parts.append(url)
    event.add("description", "\n\n".join(part for part in parts if part))
    event.add("url", url)
    event.add("location", webinar.join_url or url)
    return event


def webinar_calendar(request, webinars, name=None):
    """An iCalendar document, CRLF line ends and long lines folded by icalendar."""
    ical = Calendar()
    ical.add("prodid", PRODID)
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    if name:
        ical.add("x-wr-calname", name)
    for webinar in webinars:
        ical.add_component(webinar_event(request, webinar))
    return ical.to_ical()
