"""The content library as trainers build it: handbook, webinars, tools, practices,
news."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document

from home.models import Topic
from resources.models import (
    HandbookChapterPage,
    HandbookPage,
    NewsIndexPage,
    NewsPage,
    Phrase,
    PhrasebookPage,
    PracticeIndexPage,
    PracticePage,
    ToolFile,
    ToolIndexPage,
    ToolPage,
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


def child(parent, model, title, **fields):
    """A published ``model`` page under ``parent``, in the parent's locale."""
    page = parent.add_child(instance=model(title=title, locale=parent.locale, **fields))
    return publish(page)


def tool_index(home, title="Metodiskie rīki", **fields):
    return child(home, ToolIndexPage, title, **fields)


def tool(index, title="Ceļvedis", files=(), **fields):
    """A tool with ``files``: (language, document) pairs."""
    items = [ToolFile(language=code, document=doc) for code, doc in files]
    return child(index, ToolPage, title, files=items, **fields)


def phrase(situation="registration", text="Welcome", **fields):
    """A phrase whose four texts are ``text`` marked with their language."""
    texts = {f"text_{code}": f"{text} ({code})" for code in ("lv", "en", "uk", "ru")}
    return Phrase(situation=situation, **{**texts, **fields})


def phrasebook(index, title="Sarunvārdnīca", phrases=(), **fields):
    return child(index, PhrasebookPage, title, phrases=list(phrases), **fields)


def practice_index(home, title="Labā prakse", **fields):
    return child(home, PracticeIndexPage, title, **fields)


def practice(index, title="Sarunu klubs", **fields):
    defaults = {
        "library": "Ogres Centrālā bibliotēka",
        "country": "LV",
        "target_group": "adults",
        "problem": "<p>Problēma.</p>",
        "action": "<p>Risinājums.</p>",
    }
    return child(index, PracticePage, title, **{**defaults, **fields})


def news_index(home, title="Jaunumi", **fields):
    return child(home, NewsIndexPage, title, **fields)


def news_item(index, title="Jaunums", **fields):
    return child(index, NewsPage, title, **{"summary": "Kopsavilkums.", **fields})


def tag(page, slug, name=None):
    """Tag ``page`` with the topic ``slug``, made if missing."""
    topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name or slug})
    page.topic_items.model.objects.create(content_object=page, tag=topic)
    return topic
