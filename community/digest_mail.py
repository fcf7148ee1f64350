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

``DigestBackend`` then hands those bytes to the SMTP server with fewer round trips
(see there).
"""

import email
import re
import uuid
from email.header import Header
from email.utils import formatdate
from functools import cache, cached_property, lru_cache
from smtplib import (
    SMTPDataError,
    SMTPException,
    SMTPRecipientsRefused,
    SMTPSenderRefused,
    quoteaddr,
)

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT, sanitize_address

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

    @cached_property
    def smtp_data(self):
        """The prepared bytes with SMTP's line ends."""
        return self.prepared.replace(b"\n", b"\r\n")


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

    def render(self, text, html, headers, word=""):
        """A member's bytes, or None if Django would write them otherwise.

        ``text`` and ``html`` are the member's bodies, ``headers`` their own
        headers (those in ``OWN_HEADERS``), ``word`` their own part of those
        headers (see ``folded``).
        """
        bodies = [body.encode() for body in (text, html)]
        if not all(self.fits(body) for body in bodies) or not plain(headers["To"]):
            return None
        lines = []
        for name, line in self.headers:
            lines.append(line)
            own = OWN_HEADERS.get(name, ())
            lines += [folded(header, headers[header], word) for header in own]
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


# A dot-atom address in ASCII: Django writes it, and sends it, as it is.
PLAIN_ADDRESS = re.compile(r"[\w+-]+(\.[\w+-]+)*@[\w-]+(\.[\w-]+)*", re.ASCII)


def plain(address):
    """An address Django would write and send as it is."""
    return PLAIN_ADDRESS.fullmatch(address) is not None


def folded(name, value, word=""):
    """A header line folded as Django's (compat32) policy folds it.

    ``word`` is the member's own part of ``value`` (their token in a link). The
    policy folds only at spaces, commas and semicolons: a word without them
    folds the same whatever its letters, so the value is folded once for each
    length of the word, with a stand-in, and the word put in its place. Folding
    with ``email.header`` for each member was a tenth of a digest's time.
    """
    short = len(name) + 2 + len(value) <= HEADER_LINE_LENGTH
    if short and value.isascii() and value == " ".join(value.split()):
        return f"{name}: {value}\n".encode()
    if word and value.count(word) == 1 and UNFOLDED_WORD.fullmatch(word):
        stand_in = (STAND_IN * (len(word) // len(STAND_IN) + 1))[: len(word)]
        parts = folded_around(name, value.replace(word, stand_in), stand_in)
        if len(parts) == 2:  # else the stand-in met its like in the value
            return parts[0] + word.encode() + parts[1]
    return header_line(name, value)


# Letters the policy never folds at or encodes, and a stand-in made of them.
UNFOLDED_WORD = re.compile(r"[\w.:-]+", re.ASCII)
STAND_IN = uuid.uuid4().hex


@lru_cache(maxsize=64)
def folded_around(name, value, stand_in):
    """The folded line of ``value``, split where its stand-in is."""
    return header_line(name, value).split(stand_in.encode())


def header_line(name, value):
    encoded = Header(value, header_name=name).encode(
        linesep="\n", maxlinelen=HEADER_LINE_LENGTH
    )
    return f"{name}: {encoded}\n".encode()


def date_header():
    return formatdate(localtime=settings.EMAIL_USE_LOCALTIME)


SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def digest_connection():
    """The mail connection a batch of digests shares: ``DigestBackend`` where
    Django's SMTP backend is configured, else the configured one."""
    if settings.EMAIL_BACKEND == SMTP_BACKEND:
        return get_connection(f"{__name__}.DigestBackend")
    return get_connection()


def send_digest(connection, message, following=None):
    """Send a digest on the batch's open connection; raise what refused it.

    ``following`` is the digest to send next: a ``DigestBackend`` sends its
    envelope ahead (see there).
    """
    if isinstance(connection, DigestBackend):
        connection.send_digest(message, following)
    else:
        connection.send_messages([message])


class DigestBackend(EmailBackend):
    """Django's SMTP backend, sending a digest's prepared bytes as they are.

    A digest with prepared bytes has one plain address (see ``plain``): its
    envelope needs none of the address parsing Django and smtplib do for every
    message, a fifth of a digest's CPU. Where the server offers PIPELINING (RFC
    2920), MAIL, RCPT and DATA go in one write, and ``send_digest`` writes a
    digest's end in the same write as the next digest's envelope: one round trip
    a message instead of two. Each reply still answers its own message: a digest
    is sent when the reply to its own end of data is 250, and a refusal of the
    next digest's envelope is raised when that digest is sent. The server's
    answers raise what smtplib's ``sendmail`` raises. Other messages go Django's
    way.
    """

    # The digest whose envelope went ahead of it, and the envelope's refusal
    # (None: the server has taken its DATA and waits for its bytes).
    opened = None

    def _send(self, email_message):
        if getattr(email_message, "prepared", None) is None:
            return super()._send(email_message)
        try:
            self.send_digest(email_message)
        except SMTPException:
            if not self.fail_silently:
                raise
            return False
        return True

    def send_digest(self, message, following=None):
        """Send a digest on the open connection; raise what refused it.

        ``following``, the digest to send next, has its envelope sent with this
        one's end where it can: it must then be the next digest sent.
        """
        if self.opened is not None and self.opened[0] is not message:
            raise ValueError("the digest whose envelope was sent must go next")
        if message.prepared is None:
            self.send_messages([message])
            return
        smtp = self.connection
        smtp.ehlo_or_helo_if_needed()
        if not smtp.has_extn("pipelining"):
            smtp.sendmail(self.sender(message), message.to, message.smtp_data)
            return
        if self.opened is None:
            smtp.send(self.envelope(message))
            refusal = envelope_refusal(smtp, self.sender(message), message)
        else:
            (_message, refusal), self.opened = self.opened, None
        if refusal is not None:
            raise refusal
        ahead = following if getattr(following, "prepared", None) else None
        envelope = self.envelope(ahead) if ahead else b""
        code, reply = end_data(smtp, message.smtp_data, envelope)
        if code == 421:  # the server is closing, and answers nothing more
            smtp.close()
        elif ahead:
            self.opened = (ahead, self.read_envelope(ahead))
        if code != 250:
            raise SMTPDataError(code, reply)

    def sender(self, message):
        encoding = message.encoding or settings.DEFAULT_CHARSET
        return envelope_sender(message.from_email, encoding)

    def envelope(self, message):
        """MAIL, RCPT and DATA of a digest, to be written at once."""
        size = len(message.smtp_data)
        size = f" size={size}" if self.connection.has_extn("size") else ""
        mail = f"MAIL FROM:{self.sender(message)}{size}\r\n"
        return f"{mail}RCPT TO:<{message.to[0]}>\r\nDATA\r\n".encode()

    def read_envelope(self, message):
        """The refusal of an envelope sent ahead, if any, the connection lost too:
        it belongs to that digest, not to the one whose end went with it."""
        try:
            return envelope_refusal(self.connection, self.sender(message), message)
        except (SMTPException, OSError) as error:
            self.connection.close()
            return error

    def close(self):
        """Close the connection; one whose server waits for a digest's bytes is
        dropped, which ends that transaction unsent (QUIT would be read as its
        bytes)."""
        if self.opened is not None and self.opened[1] is None:
            self.connection.close()
            self.connection = None
        self.opened = None
        super().close()


@cache
def envelope_sender(from_email, encoding):
    """The sender's address as MAIL FROM gives it (``<address>``)."""
    return quoteaddr(sanitize_address(from_email, encoding))


def envelope_refusal(smtp, sender, message):
    """Read the replies to a digest's envelope: None if the server waits for its
    bytes, else what smtplib's ``sendmail`` would raise, the session reset."""
    mail, rcpt, start = (smtp.getreply() for _command in range(3))
    accepted = mail[0] == 250 and rcpt[0] in (250, 251)
    if start[0] == 354 and not accepted:
        end_data(smtp, b"")  # a server that took DATA anyway gets an empty one
    if mail[0] != 250:
        give_up(smtp, mail[0])
        return SMTPSenderRefused(*mail, sender)
    if not accepted:
        give_up(smtp, rcpt[0])
        return SMTPRecipientsRefused({message.to[0]: rcpt})
    if start[0] != 354:
        give_up(smtp, start[0])
        return SMTPDataError(*start)
    return None


def end_data(smtp, data, following=b""):
    """Send a message's bytes (CRLF lines), their end and ``following`` (the next
    envelope, if any); the server's answer to the message."""
    quoted = quote_periods(data)
    if quoted and not quoted.endswith(b"\r\n"):
        quoted += b"\r\n"
    smtp.send(quoted + b".\r\n" + following)
    return smtp.getreply()


def quote_periods(data):
    """smtplib's ``_quote_periods`` (a dot that starts a line doubled), without
    its regular expression, which took 58 µs a digest in the bench's profile."""
    quoted = data.replace(b"\n.", b"\n..")
    return b"." + quoted if quoted.startswith(b".") else quoted


def give_up(smtp, code):
    """Reset the session after a refusal, as smtplib does (421: it is closing)."""
    if code == 421:
        smtp.close()
    else:
        smtp._rset()
