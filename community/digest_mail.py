"""A digest's MIME bytes, from a layout serialised once per language.

Django builds an email as a tree of ``email.mime`` objects and folds every header
again for each message: for a digest that was most of the time of sending it.
Every digest has the same layout (multipart/alternative, a plain-text and an HTML
part in UTF-8, 8-bit), and in one language the same shared headers, so Django
serialises that layout once with stand-ins for the two bodies, and each member's
bytes are the layout with their bodies and their own headers (To, Date,
List-Unsubscribe, Message-ID) put in. The bytes are the ones Django makes for the
member (``tests/community/test_digest_mail.py`` compares them), but for the MIME
boundary, which a worker's digests share.

A member whose message Django would write otherwise (a body line past the 998
bytes SMTP allows, a body in ASCII only, an address that is not plain ASCII) gets
Django's own message instead.
"""

import email
from email.header import Header
from email.utils import formatdate

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT

# A member's own headers, each group after the shared header named before it: the
# order in which Django writes them.
OWN_HEADERS = {
    "From": ("To", "Date"),
    "List-Id": ("List-Unsubscribe",),
    "List-Unsubscribe-Post": ("Message-ID",),
}
HEADER_LINE_LENGTH = 78
# Stand-ins for the bodies in a layout; the dash makes Django choose 8-bit.
TEXT_SLOT = "\u2014digest-text-body"
HTML_SLOT = "\u2014digest-html-body"


class PreparedMessage:
    """The ``message()`` of a digest whose bytes are already made.

    Django's backends call ``as_bytes()`` (and the console one ``get_charset()``);
    anything else a backend asks of the message goes to it parsed from the bytes.
    """

    def __init__(self, data):
        self.data = data

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.data if linesep == "\n" else self.data.replace(b"\n", b"\r\n")

    def as_string(self, unixfrom=False, linesep="\n"):
        return self.as_bytes(linesep=linesep).decode("utf-8", "surrogateescape")

    def get_charset(self):
        return None

    def __bytes__(self):
        return self.as_bytes()

    def __getattr__(self, name):
        return getattr(email.message_from_bytes(self.data), name)


class DigestEmail(EmailMultiAlternatives):
    """A digest email whose MIME bytes, when made, skip Django's message tree."""

    prepared = None  # its bytes, when its language's layout could make them

    def message(self):
        if self.prepared is None:
            return super().message()
        return PreparedMessage(self.prepared)


class Layout:
    """A digest serialised by Django around stand-ins for its two bodies.

    ``message`` is a ``DigestEmail`` of the language whose body and HTML
    alternative are ``TEXT_SLOT`` and ``HTML_SLOT``.
    """

    def __init__(self, message):
        mime = message.message()
        for names in OWN_HEADERS.values():
            for name in names:
                del mime[name]
        head, body = mime.as_bytes(linesep="\n").split(b"\n\n", 1)
        self.boundary = mime.get_boundary().encode()  # chosen as it was written
        self.headers = split_headers(head)
        before_text, rest = body.split(TEXT_SLOT.encode())
        between, after_html = rest.split(HTML_SLOT.encode())
        self.parts = (b"\n" + before_text, between, after_html)

    def render(self, text, html, headers):
        """A member's bytes, or None if Django would write them otherwise.

        ``text`` and ``html`` are the member's bodies, ``headers`` their own
        headers (those in ``OWN_HEADERS``).
        """
        bodies = [body.encode() for body in (text, html)]
        if not all(self.fits(body) for body in bodies) or not plain(headers["To"]):
            return None
        lines = []
        for name, line in self.headers:
            lines.append(line)
            lines += [folded(own, headers[own]) for own in OWN_HEADERS.get(name, ())]
        before_text, between, after_html = self.parts
        lines += [before_text, bodies[0], between, bodies[1], after_html]
        return b"".join(lines)

    def fits(self, body):
        """Django writes the body as it is: 8-bit lines, none too long for SMTP."""
        return (
            not body.isascii()
            and b"\r" not in body
            and self.boundary not in body
            and max(map(len, body.split(b"\n"))) <= RFC5322_EMAIL_LINE_LENGTH_LIMIT
        )


def split_headers(head):
    """(name, its folded lines) for each header of a serialised header block."""
    fields = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t"):
            name, previous = fields[-1]
            fields[-1] = (name, previous + line + b"\n")
        else:
            fields.append((line.split(b":", 1)[0].decode(), line + b"\n"))
    return fields


def plain(address):
    """An ASCII address on one line: Django would write it as it is."""
    return address.isascii() and not any(c in address for c in "\r\n,<>\"'")


def folded(name, value):
    """A header line folded as Django's (compat32) policy folds it."""
    short = len(name) + 2 + len(value) <= HEADER_LINE_LENGTH
    if short and value.isascii() and value == " ".join(value.split()):
        return f"{name}: {value}\n".encode()
    encoded = Header(value, header_name=name).encode(
        linesep="\n", maxlinelen=HEADER_LINE_LENGTH
    )
    return f"{name}: {encoded}\n".encode()


def date_header():
    return formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
