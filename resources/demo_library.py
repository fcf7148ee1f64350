"""Demo content of the tools, the phrasebook, good practices and news.

Like ``resources.demo``, it creates what is missing and leaves what exists alone.
"""

import io
import zipfile
from datetime import date
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents.models import Document

from home.demo import demo_key, ensure_locales, ensure_translation
from home.models import HomePage

from . import demo_library_text as text
from .demo import ensure_page, topics
from .models import (
    NewsIndexPage,
    NewsPage,
    NewsPageTopic,
    Phrase,
    PhrasebookPage,
    PhrasebookPageTopic,
    PracticeIndexPage,
    PracticePage,
    PracticePageTopic,
    ToolFile,
    ToolIndexPage,
    ToolPage,
    ToolPageTopic,
)

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
    'manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="'
    f'{ODT_MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" '
    'manifest:media-type="text/xml"/></manifest:manifest>'
)


def odt(title, paragraphs):
    """A minimal OpenDocument text file: a heading and paragraphs."""
    body = f"<text:h text:outline-level='1'>{escape(title)}</text:h>" + "".join(
        f"<text:p>{escape(paragraph)}</text:p>" for paragraph in paragraphs
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:'
        f'1.0" office:version="1.2"><office:body><office:text>{body}'
        "</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml", ODT_MANIFEST, compress_type=zipfile.ZIP_DEFLATED
        )
    return buffer.getvalue()


def ensure_tool_document(name, language):
    fields = text.TOOLS[name][language]
    document = Document.objects.filter(title=fields["title"]).first()
    if document is None:
        content = odt(
            fields["title"], [fields["summary"], text.TOOL_FILE_TEXT[language]]
        )
        document = Document(title=fields["title"])
        document.file.save(f"{fields['slug']}.odt", ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
    return document


def index_fields(texts, language):
    fields = texts[language]
    return {
        "title": fields["title"],
        "slug": fields["slug"],
        "intro": fields["intro"],
        "search_description": fields["intro"],
        "show_in_menus": True,
    }


def tool_fields(name, language, files):
    fields = text.TOOLS[name][language]
    return {
        "title": fields["title"],
        "slug": fields["slug"],
        "summary": fields["summary"],
        "search_description": fields["summary"],
        "body": fields["body"],
        "topic_items": topics(ToolPageTopic, text.TOOLS[name]["topics"]),
        "files": [ToolFile(language=code, document=doc) for code, doc in files],
    }


def phrasebook_fields(language):
    fields = text.PHRASEBOOK[language]
    return {
        "title": fields["title"],
        "slug": fields["slug"],
        "intro": fields["intro"],
        "search_description": fields["intro"],
        "topic_items": topics(PhrasebookPageTopic, text.PHRASEBOOK["topics"]),
        "phrases": [
            Phrase(situation=situation, text_lv=lv, text_en=en, text_uk=uk, text_ru=ru)
            for situation, lv, en, uk, ru in text.PHRASES
        ],
    }


def ensure_tools(home, locales):
    index = ensure_page(
        home, ToolIndexPage, "tools", index_fields(text.TOOL_INDEX, "lv")
    )
    ensure_translation(index, locales["en"], index_fields(text.TOOL_INDEX, "en"))
    for name in text.TOOLS:
        files = [(code, ensure_tool_document(name, code)) for code in ("lv", "en")]
        tool = ensure_page(index, ToolPage, name, tool_fields(name, "lv", files))
        ensure_translation(tool, locales["en"], tool_fields(name, "en", files))
    book = ensure_page(index, PhrasebookPage, "phrasebook", phrasebook_fields("lv"))
    ensure_translation(book, locales["en"], phrasebook_fields("en"))


def practice_fields(name, language):
    practice = text.PRACTICES[name]
    fields = practice[language]
    return {
        "title": fields["title"],
        "slug": fields["slug"],
        "summary": fields["summary"],
        "search_description": fields["summary"],
        "library": text.HACKATHON_LIBRARIES[language],
        "country": "LV",
        "target_group": practice["target_group"],
        "problem": fields["problem"],
        "action": fields["action"],
        "resources_needed": text.HACKATHON_RESOURCES[language],
        "results": [
            ("result", {"figure": figure, "label": label})
            for figure, label in text.HACKATHON_RESULTS[language]
        ],
        "contact": text.HACKATHON_CONTACT[language],
        "topic_items": topics(PracticePageTopic, practice["topics"]),
    }


def ensure_practices(home, locales):
    index = ensure_page(
        home, PracticeIndexPage, "practices", index_fields(text.PRACTICE_INDEX, "lv")
    )
    ensure_translation(index, locales["en"], index_fields(text.PRACTICE_INDEX, "en"))
    for name in text.PRACTICES:
        practice = ensure_page(
            index, PracticePage, f"practice-{name}", practice_fields(name, "lv")
        )
        ensure_translation(practice, locales["en"], practice_fields(name, "en"))


def news_fields(name, language):
    item = text.NEWS[name]
    fields = item[language]
    return {
        "title": fields["title"],
        "slug": fields["slug"],
        "date": date(*item["date"]),
        "summary": fields["summary"],
        "search_description": fields["summary"],
        "body": fields["body"],
        "topic_items": topics(NewsPageTopic, item["topics"]),
    }


def ensure_news(home, locales):
    index = ensure_page(
        home, NewsIndexPage, "news", index_fields(text.NEWS_INDEX, "lv")
    )
    ensure_translation(index, locales["en"], index_fields(text.NEWS_INDEX, "en"))
    for name in text.NEWS:
        item = ensure_page(index, NewsPage, f"news-{name}", news_fields(name, "lv"))
        ensure_translation(item, locales["en"], news_fields(name, "en"))


@transaction.atomic
def load():
    """Tools, the phrasebook, practices and news under the home page, in lv and en."""
    locales = ensure_locales()
    home = HomePage.objects.filter(
        translation_key=demo_key("home"), locale=locales["lv"]
    ).first()
    if home is None:  # home's loader runs first; nothing to hang the pages on
        return
    ensure_tools(home, locales)
    ensure_practices(home, locales)
    ensure_news(home, locales)
