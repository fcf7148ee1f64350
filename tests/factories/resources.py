"""The content library as trainers build it: a handbook of chapters, webinars."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document

from resources.models import (
    HandbookChapterPage,
    HandbookPage,
    WebinarIndexPage,
    WebinarPage,
)
from tests.factories.pages import LANGUAGES, publish, translate


def handbook(home, title="Partnerības rokasgrāmata", **fields):
    page = home.add_child(
        instance=HandbookPage(title=title, locale=home.locale, **fields)
    )
    return publish(page)


def chapter(parent, title="Nodaļa", **fields):
    page = parent.add_child(
        instance=HandbookChapterPage(title=title, locale=parent.locale, **fields)
    )
    return publish(page)


def webinar_index(home, title="Vebināri", **fields):
    page = home.add_child(
        instance=WebinarIndexPage(title=title, locale=home.locale, **fields)
    )
    return publish(page)


def webinar(index, title="Vebinārs", start=None, **fields):
    """A webinar starting ``start`` (default: in a week), an hour long."""
    start = start or timezone.now() + timedelta(days=7)
    page = index.add_child(
        instance=WebinarPage(title=title, locale=index.locale, start=start, **fields)
    )
    return publish(page)


def past_webinar(index, title="Pagājis vebinārs", days_ago=30, **fields):
    return webinar(
        index, title=title, start=timezone.now() - timedelta(days=days_ago), **fields
    )


def translations(page, homes, **fields):
    """{language: page}, ``page`` translated into every other language."""
    result = {page.locale.language_code: page}
    for code in LANGUAGES:
        if code not in result:
            result[code] = translate(page, homes[code].locale, **fields)
    return result


def document(title, filename, content=b"demo"):
    item = Document(title=title)
    item.file.save(filename, ContentFile(content), save=False)
    item.file_size = len(content)
    item.save()
    return item
