"""The library's blocks: required story fields, recording timestamps."""

from django.core.exceptions import ValidationError

import pytest

from resources.blocks import (
    ExperienceStoryBlock,
    RecordingChapterBlock,
    format_timestamp,
    parse_timestamp,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("0", 0), ("90", 90), ("1:30", 90), ("12:05", 725), ("1:02:03", 3723)],
)
def test_timestamps_parse_as_seconds_mm_ss_or_h_mm_ss(text, seconds):
    assert parse_timestamp(text) == seconds


@pytest.mark.parametrize("text", ["", "1:60", "a:10", "1:2:3:4", "-5", "1.5", "١٢"])
def test_bad_timestamps_are_refused(text):
    with pytest.raises(ValueError):
        parse_timestamp(text)


def test_timestamps_format_back():
    assert [format_timestamp(s) for s in (0, 90, 3723)] == ["0:00", "1:30", "1:02:03"]


def test_recording_chapter_refuses_a_bad_time():
    block = RecordingChapterBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"time": "soon", "title": "Questions"}))
    assert block.clean(block.to_python({"time": "12:30", "title": "Q"}))["time"]


@pytest.mark.parametrize("missing", ["country", "library"])
def test_experience_story_names_its_country_and_library(missing):
    value = {
        "title": "Memorandum",
        "country": "Latvia",
        "library": "Siguldas novada bibliotēka",
        "story": "<p>21 February.</p>",
        missing: "",
    }
    block = ExperienceStoryBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))
