"""Demo content of the content library: the handbook and the webinars.

Written from the facts in the seed documents; organisations are named, people are
not. Like ``home.demo``, it creates what is missing and leaves what exists alone.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents.models import Document

from home.demo import demo_key, ensure_locales, ensure_translation, publish
from home.models import HomePage, Topic

from . import demo_text
from .models import (
    HandbookChapterPage,
    HandbookChapterPageTopic,
    HandbookPage,
    HandbookPageTopic,
    WebinarIndexPage,
    WebinarPage,
    WebinarPageTopic,
)

RIGA = ZoneInfo("Europe/Riga")
WEBINAR_TIME = time(14, 0)


def topics(through, slugs):
    return [through(tag=topic) for topic in Topic.objects.filter(slug__in=slugs)]


def ensure_template_document(language):
    """A small plain-text template for the handbook's download block."""
    text = demo_text.MEMORANDUM_TEMPLATE[language]
    document = Document.objects.filter(title=text["title"]).first()
    if document is None:
        document = Document(title=text["title"])
        content = text["body"].encode()
        document.file.save(text["filename"], ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
    return document


def body_blocks(blocks, language):
    """StreamField data from the demo text, resolving download blocks to documents."""
    data = []
    for block_type, value in blocks:
        if block_type == "template_download":
            value = {**value, "document": ensure_template_document(language)}
        data.append((block_type, value))
    return data


def book_fields(language):
    text = demo_text.HANDBOOK[language]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "search_description": text["summary"],
        "show_in_menus": True,
        "body": body_blocks(text["body"], language),
        "topic_items": topics(HandbookPageTopic, demo_text.HANDBOOK_TOPICS),
    }


def chapter_fields(name, language):
    text = demo_text.CHAPTERS[name][language]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "search_description": text["summary"],
        "body": body_blocks(text["body"], language),
        "topic_items": topics(
            HandbookChapterPageTopic, demo_text.CHAPTERS[name]["topics"]
        ),
    }


def ensure_page(parent, model, name, fields):
    """The Latvian page with the demo key ``name`` under ``parent``, made if missing."""
    key = demo_key(name)
    page = model.objects.filter(translation_key=key, locale=parent.locale).first()
    if page is None:
        page = parent.add_child(
            instance=model(locale=parent.locale, translation_key=key, **fields)
        )
        publish(page)
    return page


def ensure_handbook(home, locales):
    book = ensure_page(home, HandbookPage, "handbook", book_fields("lv"))
    ensure_translation(book, locales["en"], book_fields("en"))
    parents = {None: book}
    for name, parent_name in demo_text.CHAPTER_ORDER:
        chapter = ensure_page(
            parents[parent_name], HandbookChapterPage, name, chapter_fields(name, "lv")
        )
        ensure_translation(chapter, locales["en"], chapter_fields(name, "en"))
        parents[name] = chapter
    return book


def first_wednesdays(now, before=2, after=2):
    """The first Wednesdays of months at 14:00 Riga time: ``before`` ones that have
    passed and ``after`` ones still to come, in date order."""
    local = now.astimezone(RIGA)
    year, month = local.year, local.month - before - 1
    dates = []
    for _ in range(before + after + 3):
        month += 1
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        day = next(d for d in range(1, 8) if datetime(year, month, d).weekday() == 2)
        dates.append(datetime.combine(datetime(year, month, day), WEBINAR_TIME, RIGA))
    past = [d for d in dates if d + timedelta(hours=2) <= now][-before:]
    upcoming = [d for d in dates if d > now][:after]
    return past + upcoming


def index_fields(language):
    text = demo_text.WEBINAR_INDEX[language]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "intro": text["intro"],
        "search_description": text["intro"],
        "show_in_menus": True,
    }


def webinar_fields(name, language, start):
    webinar = demo_text.WEBINARS[name]
    text = webinar[language]
    upcoming = start > timezone.now()
    fields = {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "search_description": text["summary"],
        "start": start,
        "duration": 60,
        "description": text["description"],
        "speakers": [("speaker", speaker) for speaker in text["speakers"]],
        "topic_items": topics(WebinarPageTopic, webinar["topics"]),
    }
    if upcoming:
        fields["join_url"] = f"https://meet.example.org/libri-{webinar['room']}"
        fields["join_instructions"] = demo_text.JOIN_INSTRUCTIONS[language]
    else:
        fields["transcript"] = text.get("transcript", "")
    return fields


def ensure_webinars(home, locales):
    index = ensure_page(home, WebinarIndexPage, "webinars", index_fields("lv"))
    ensure_translation(index, locales["en"], index_fields("en"))
    starts = first_wednesdays(timezone.now())
    for name, start in zip(demo_text.WEBINAR_ORDER, starts, strict=True):
        webinar = WebinarPage.objects.filter(
            translation_key=demo_key(name), locale=locales["lv"]
        ).first()
        if webinar is None:
            webinar = ensure_page(
                index, WebinarPage, name, webinar_fields(name, "lv", start)
            )
        ensure_translation(
            webinar, locales["en"], webinar_fields(name, "en", webinar.start)
        )
    return index


@transaction.atomic
def load():
    """The handbook and the webinars, in Latvian and English, under the home page."""
    locales = ensure_locales()
    home = HomePage.objects.filter(
        translation_key=demo_key("home"), locale=locales["lv"]
    ).first()
    if home is None:  # home's loader runs first; nothing to hang the pages on
        return
    ensure_handbook(home, locales)
    ensure_webinars(home, locales)
