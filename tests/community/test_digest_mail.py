"""A digest from its language's layout is the message Django makes for the member."""

import email
import re
from datetime import timedelta
from email import policy
from smtplib import _quote_periods, quoteaddr

from django.core.mail.message import sanitize_address
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from community import digest_mail, digests
from community.tokens import (
    manage_signer,
    manage_token,
    subscriber_for_manage_token,
)
from tests.factories.community import subscriber
from tests.factories.pages import content_page

pytestmark = pytest.mark.django_db

BOUNDARY = re.compile(rb"===============\d+==")
DATE = re.compile(rb"^Date: .*$", re.MULTILINE)


def comparable(data):
    """Bytes without what differs between two makings of one message."""
    return DATE.sub(b"Date: -", BOUNDARY.sub(b"BOUNDARY", data))


def both_ways(message):
    """The bytes from the group's template, then the bytes Django makes."""
    assert message.prepared is not None
    prepared = message.message().as_bytes(linesep="\r\n")
    message.prepared = None
    return prepared, message.message().as_bytes(linesep="\r\n")


@pytest.fixture
def members(site):
    for language in ("lv", "uk"):
        page = content_page(site[language], title=f"Jaunums <{language}> & co")
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=timezone.now() - timedelta(days=1)
        )
    confirmed = timezone.now() - timedelta(days=30)
    return [
        subscriber(email=email, name=name, language=language, confirmed_at=confirmed)
        for email, name, language in [
            ("anna@example.org", 'Anna "<b>Bērziņa</b>" & Co', "lv"),
            ("eriks@example.org", "Ēriks", "lv"),
            ("nameless@example.org", "", "lv"),
            ("olena@example.org", "Олена", "uk"),
        ]
    ]


def test_each_member_gets_the_bytes_django_makes_with_only_their_links(members):
    content = digests.NewContent(members, timezone.now())
    # A token's signed part names its member (the rest is a timestamp).
    names = {member.pk: manage_token(member).split(":")[0] for member in members}
    for member in members:
        message_id = f"<digest-1-{member.pk}@digest.libri.example.org>"
        message = content.message(member, content.pages_for(member), message_id)
        prepared, made_by_django = both_ways(message)
        assert comparable(prepared) == comparable(made_by_django)

        others = [name for pk, name in names.items() if pk != member.pk]
        assert not any(name.encode() in prepared for name in others)
        received = email.message_from_bytes(prepared, policy=policy.default)
        url, mailto = received["List-Unsubscribe"].strip().split(", ")
        url = url.strip("<>")
        token = url.rstrip("/").rsplit("/", 1)[1]
        assert subscriber_for_manage_token(token) == member
        assert mailto.startswith("<mailto:")
        assert received["To"] == member.email
        assert received["Message-ID"] == message_id
        assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert received["List-Id"]
        text = received.get_body(("plain",)).get_content()
        html = received.get_body(("html",)).get_content()
        assert url in text and url in html
        assert member.name in text
        assert str(digests.escape(member.name)) in html


def test_an_address_django_would_encode_gets_django_s_message(members):
    member = subscriber(
        email="anna@bibliotēka.lv",
        language="lv",
        confirmed_at=timezone.now() - timedelta(days=30),
    )
    content = digests.NewContent([member], timezone.now())
    message = content.message(member, content.pages_for(member), "<digest-1-1@x>")
    assert message.prepared is None
    sent = email.message_from_bytes(message.message().as_bytes(), policy=policy.default)
    assert sent["To"] == "anna@" + "bibliotēka.lv".encode("idna").decode()


@pytest.mark.parametrize(
    ("address", "is_plain"),
    [
        ("anna@example.org", True),
        ("Anna.Berzina+libri@Mail.example-lv.org", True),
        ("Anna <anna@example.org>", False),
        ("anna berzina@example.org", False),
        ("ānna@example.org", False),
        ("anna@example.org\nBcc: x@example.org", False),
    ],
)
def test_a_plain_address_is_sent_as_django_and_smtplib_would_send_it(address, is_plain):
    assert digest_mail.plain(address) is is_plain
    if is_plain:
        assert sanitize_address(address, "utf-8") == address
        assert quoteaddr(address) == f"<{address}>"


def test_a_member_s_links_are_the_ones_reverse_gives_in_their_language(members):
    content = digests.NewContent(members, timezone.now())
    signer = manage_signer()
    for member in members:
        token = manage_token(member, signer)
        values = content.per_language(digests.Links, member.language).values(
            member, token
        )
        with translation.override(member.language):
            preferences = reverse("community:preferences", args=[token])
        assert values[digests.PREFERENCES_URL] == digests.absolute(preferences)
        assert values[digests.UNSUBSCRIBE_URL] == digests.absolute(
            reverse("unsubscribe", args=[token])
        )
        assert f"/{member.language}/" in values[digests.PREFERENCES_URL]


@pytest.mark.parametrize("base_url", ["https://libri.lv", "https://" + "x" * 90])
def test_a_header_folds_around_a_member_s_word_as_email_header_folds_it(base_url):
    for length in range(1, 160):
        word = ("Ab-_:9" * 40)[:length]
        value = digests.list_unsubscribe(f"{base_url}/unsubscribe/{word}/")
        line = digest_mail.folded("List-Unsubscribe", value, word)
        assert line == digest_mail.header_line("List-Unsubscribe", value)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b".",
        b"..",
        b".a\r\n.\r\nb\r\n",
        b"a\r\n..b\r\n.",
        b"a.b\r\n\n.c",
        b"x" * 99,
    ],
)
def test_periods_are_quoted_as_smtplib_quotes_them(data):
    assert digest_mail.quote_periods(data) == _quote_periods(data)
