"""The content library's page types, one module per kind of resource."""

from .handbook import (
    HandbookChapterPage,
    HandbookChapterPageTopic,
    HandbookPage,
    HandbookPageTopic,
)
from .news import NewsIndexPage, NewsPage, NewsPageTopic
from .practices import PracticeIndexPage, PracticePage, PracticePageTopic
from .tools import (
    Phrase,
    PhrasebookPage,
    PhrasebookPageTopic,
    ToolFile,
    ToolIndexPage,
    ToolPage,
    ToolPageTopic,
)
from .webinars import WebinarIndexPage, WebinarPage, WebinarPageTopic

__all__ = [
    "HandbookChapterPage",
    "HandbookChapterPageTopic",
    "HandbookPage",
    "HandbookPageTopic",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTopic",
    "Phrase",
    "PhrasebookPage",
    "PhrasebookPageTopic",
    "PracticeIndexPage",
    "PracticePage",
    "PracticePageTopic",
    "ToolFile",
    "ToolIndexPage",
    "ToolPage",
    "ToolPageTopic",
    "WebinarIndexPage",
    "WebinarPage",
    "WebinarPageTopic",
]
