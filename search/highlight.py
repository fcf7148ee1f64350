"""Snippets of a result's text around the matched words, which are marked."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import STEMMED_LANGUAGES, WORD, fold, stem

SNIPPET_LENGTH = 240
# English and Russian are stemmed by PostgreSQL; here a shared start stands in.
LOOSE_ENDING = 3


def word_matcher(terms, language):
    """A test telling whether a word of the text is a form of one of ``terms``."""
    if language in STEMMED_LANGUAGES:
        return lambda word: any(stem(word, language).startswith(t) for t in terms)
    starts = [t[: max(3, len(t) - LOOSE_ENDING)] if len(t) > 4 else t for t in terms]
    return lambda word: any(fold(word).startswith(start) for start in starts)


def mark(text, is_match):
    """``text`` escaped, with each matching word inside <mark>."""
    parts = []
    position = 0
    for found in WORD.finditer(text):
        if is_match(found.group()):
            parts.append(escape(text[position : found.start()]))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def window(text, is_match, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around its first match, or its start."""
    start = 0
    for found in WORD.finditer(text):
        if is_match(found.group()):
            start = max(0, found.start() - length // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < found.start() else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix, text[start:end], suffix


def snippet(text, terms, language):
    """A short, escaped excerpt of ``text`` with the query's words marked."""
    is_match = word_matcher(terms, language)
    prefix, excerpt, suffix = window(text, is_match)
    return mark_safe(f"{prefix}{mark(excerpt, is_match)}{suffix}")  # noqa: S308


def title(text, terms, language):
    """The title, escaped, with the query's words marked."""
    return mark(text, word_matcher(terms, language))
