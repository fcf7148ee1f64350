"""StreamField blocks of the content library: handbook callouts, webinar chapters."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import BodyBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class PracticalTipBlock(blocks.StructBlock):
    """A practical tip, set apart from the text so a reader can find it at a glance."""

    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        required=False,
        help_text=_("Optional; the box is labelled “Practical tip” in any case."),
    )
    text = blocks.RichTextBlock(label=_("Tip"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Practical tip")
        template = "resources/blocks/practical_tip_block.html"


class ExperienceStoryBlock(blocks.StructBlock):
    """A story of a library's own experience, naming its country and library."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    country = blocks.CharBlock(
        label=_("Country"),
        max_length=80,
        help_text=_("Where it happened, e.g. Latvia."),
    )
    library = blocks.CharBlock(
        label=_("Library"),
        max_length=160,
        help_text=_("The library's name; name organisations, not private persons."),
    )
    story = blocks.RichTextBlock(label=_("Story"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "openquote"
        label = _("Experience story")
        template = "resources/blocks/experience_story_block.html"


class ChecklistBlock(blocks.StructBlock):
    """A list of steps a reader can tick off, on screen or on paper."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items"),
        min_num=1,
    )

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "resources/blocks/checklist_block.html"


class TemplateDownloadBlock(blocks.StructBlock):
    """A template or form to download, with its file type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        max_length=160,
        help_text=_("Says what the file is, e.g. “Memorandum of intent template”."),
    )
    description = blocks.TextBlock(
        label=_("Description"), max_length=300, required=False
    )

    class Meta:
        icon = "doc-full"
        label = _("Downloadable template")
        template = "resources/blocks/template_download_block.html"


class HandbookBodyBlock(BodyBlock):
    """The body of a handbook chapter: the shared blocks plus tips, stories,
    checklists and templates."""

    tip = PracticalTipBlock()
    story = ExperienceStoryBlock()
    checklist = ChecklistBlock()
    template_download = TemplateDownloadBlock()


def parse_timestamp(value):
    """Seconds from "90", "1:30" or "1:02:03"; ValueError for anything else."""
    parts = str(value).strip().split(":")
    if not 1 <= len(parts) <= 3 or not all(
        re.fullmatch(r"[0-9]{1,5}", p) for p in parts
    ):
        raise ValueError(value)
    numbers = [int(part) for part in parts]
    if any(number > 59 for number in numbers[1:]):
        raise ValueError(value)
    seconds = 0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds


def format_timestamp(total):
    """ "1:30" for 90 seconds, "1:02:03" past the hour."""
    hours, rest = divmod(int(total), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


class TimestampBlock(blocks.CharBlock):
    """A point in a recording, typed as seconds, mm:ss or h:mm:ss."""

    def clean(self, value):
        value = super().clean(value)
        try:
            parse_timestamp(value)
        except ValueError:
            raise ValidationError(
                _("Enter a time as seconds, mm:ss or h:mm:ss, e.g. 12:30.")
            ) from None
        return value


class RecordingChapterBlock(blocks.StructBlock):
    """A chapter of a recording: where it starts and what it is about."""

    time = TimestampBlock(
        label=_("Starts at"),
        max_length=8,
        help_text=_("Seconds, mm:ss or h:mm:ss, e.g. 12:30."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=160)

    class Meta:
        icon = "time"
        label = _("Chapter")


class SpeakerBlock(blocks.StructBlock):
    """Who speaks, by organisation and role."""

    organisation = blocks.CharBlock(label=_("Organisation"), max_length=160)
    role = blocks.CharBlock(
        label=_("Role"),
        max_length=160,
        required=False,
        help_text=_("E.g. “Project coordinator”."),
    )

    class Meta:
        icon = "user"
        label = _("Speaker")


class PracticeResultBlock(blocks.StructBlock):
    """One result of a good practice as a figure and what it counts."""

    figure = blocks.CharBlock(
        label=_("Figure"),
        max_length=20,
        help_text=_("A number, e.g. 124 or 3 of 5."),
    )
    label = blocks.CharBlock(
        label=_("What it counts"),
        max_length=200,
        help_text=_("E.g. participants in the five hackathons."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Result")
        template = "resources/blocks/practice_result_block.html"
