"""What an uploaded document must be: its content matches its extension, no markup.

Browsers decide what to do with a file by its content as much as by its name, so a
file named ``.pdf`` that holds HTML or SVG could run script from the site's domain.
Each accepted extension has a signature read from the file's first bytes (and, for
office files, from the zip's table of contents); a file whose content does not match
is refused with a message saying why.
"""

import os
import re
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

HEAD_SIZE = 8192
MARKUP = re.compile(
    rb"<\s*(svg|html|script|iframe|object|embed|body)\b|<!doctype\s+html"
)
NAME_LENGTH = 80
# Unicode categories never wanted in a file name: controls, format characters (the
# right-to-left override that turns "cod.exe" round, zero-width joiners), unassigned.
UNWANTED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_TYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
KINDS = {
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
    "odt": "OpenDocument",
    "zip": "ZIP",
    "mp3": "MP3",
    "m4a": "M4A",
    "mp4": "MP4",
    "ogg": "Ogg",
    "webm": "WebM",
    "vtt": "WebVTT",
    "txt": "TXT",
    "csv": "CSV",
}


def safe_file_name(name):
    """A file name that is safe to store and to send back in a header.

    Letters of every script stay (Latvian and Ukrainian names are the common case);
    path parts, controls, bidi overrides and extra dots go; the extension is lower
    case and the name is at most 80 characters before it.
    """
    name = unicodedata.normalize("NFKC", re.split(r"[/\\]", name)[-1])
    name = "".join(
        char for char in name if unicodedata.category(char) not in UNWANTED_CATEGORIES
    )
    stem, extension = os.path.splitext(name)
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())
    stem = re.sub(r"[^\w-]+", "-", stem).strip("-_")[:NAME_LENGTH].strip("-_")
    stem = stem or "document"
    return f"{stem}.{extension}" if extension else stem


def max_size(extension):
    """The largest upload accepted for a document with this extension, in bytes."""
    sizes = settings.LIBRI_DOCUMENT_MAX_SIZES
    return sizes.get(extension, sizes["default"])


def is_zip_with(file, test):
    """Whether ``file`` is a readable zip archive whose member list passes ``test``."""
    try:
        with zipfile.ZipFile(file) as archive:
            return test(archive)
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        file.seek(0)


def is_text(head):
    """UTF-8 text (a cut multi-byte character at the end is allowed), no NUL bytes."""
    if b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3 and error.reason == "unexpected end of data"
    return True


def matches_extension(file, extension, head):
    """Whether the content of ``file`` is what its extension says it is."""
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in OOXML_FOLDERS:
        folder = OOXML_FOLDERS[extension]
        return is_zip_with(
            file,
            lambda archive: (
                "[Content_Types].xml" in archive.namelist()
                and any(name.startswith(folder) for name in archive.namelist())
            ),
        )
    if extension in ODF_TYPES:
        return is_zip_with(
            file, lambda archive: archive.read("mimetype") == ODF_TYPES[extension]
        )
    if extension == "zip":
        return is_zip_with(file, lambda archive: archive.testzip() is None)
    if extension in ("mp4", "m4a"):
        return head[4:8] == b"ftyp"
    if extension == "webm":
        return head.startswith(b"\x1a\x45\xdf\xa3")
    if extension == "ogg":
        return head.startswith(b"OggS")
    if extension == "mp3":
        return head.startswith(b"ID3") or (
            len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
        )
    if extension == "vtt":
        return re.match(rb"(\xef\xbb\xbf)?WEBVTT([ \t\r\n]|$)", head) is not None
    if extension in ("txt", "csv"):
        return is_text(head)
    return False


def check_document(file):
    """Raise ValidationError unless ``file`` is an acceptable document upload."""
    extension = os.path.splitext(file.name)[1].lower().lstrip(".")
    kind = KINDS.get(extension, extension.upper())
    limit = max_size(extension)
    if file.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; %(kind)s files may be at most %(limit)s.")
            % {
                "name": file.name,
                "size": filesizeformat(file.size),
                "kind": kind,
                "limit": filesizeformat(limit),
            },
            code="file_too_large",
        )
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    if MARKUP.search(head.lower()):
        raise ValidationError(
            _(
                "“%(name)s” contains web-page or SVG code, which is not accepted "
                "in a document. Save it as PDF and upload that."
            )
            % {"name": file.name},
            code="markup",
        )
    if not matches_extension(file, extension, head):
        raise ValidationError(
            _(
                "“%(name)s” is not a real %(kind)s file: its content does not match "
                "its .%(extension)s extension."
            )
            % {"name": file.name, "kind": kind, "extension": extension},
            code="content_mismatch",
        )
