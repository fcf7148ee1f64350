"""The content library's page types, one module per kind of resource."""

from .handbook import (
    HandbookChapterPage,
    HandbookChapterPageTopic,
    HandbookPage,
    HandbookPageTopic,
)
from .webinars import WebinarIndexPage, WebinarPage, WebinarPageTopic

__all__ = [
    "HandbookChapterPage",
    "HandbookChapterPageTopic",
    "HandbookPage",
    "HandbookPageTopic",
    "WebinarIndexPage",
    "WebinarPage",
    "WebinarPageTopic",
]
