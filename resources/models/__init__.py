"""The content library's page types, one module per kind of resource."""

from .handbook import (
    HandbookChapterPage,
    HandbookChapterPageTopic,
    HandbookPage,
    HandbookPageTopic,
)
from .handbook_pdf import HandbookPDF
from .initiatives import (
    InitiativeKind,
    InitiativeLanguage,
    InitiativeMapPage,
    InitiativePage,
    InitiativePageTopic,
)
from .news import NewsIndexPage, NewsPage, NewsPageTopic
from .partnerships import Hackathon, Partnership, PartnershipDirectoryPage
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
    "Hackathon",
    "HandbookChapterPage",
    "HandbookChapterPageTopic",
    "HandbookPDF",
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
    "InitiativeKind",
    "InitiativeLanguage",
    "InitiativeMapPage",
    "InitiativePage",
    "InitiativePageTopic",
    "Partnership",
    "PartnershipDirectoryPage",
    "WebinarIndexPage",
    "WebinarPage",
    "WebinarPageTopic",
]
