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
from .partnerships import Hackathon, Partnership, PartnershipDirectoryPage
from .webinars import WebinarIndexPage, WebinarPage, WebinarPageTopic

__all__ = [
    "Hackathon",
    "HandbookChapterPage",
    "HandbookChapterPageTopic",
    "HandbookPDF",
    "HandbookPage",
    "HandbookPageTopic",
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
