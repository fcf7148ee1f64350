"""No email address or link token reaches the logs."""

import io
import logging

import pytest

from community.tokens import manage_token
from home.security import RedactPersonalData, redact
from tests.factories.community import subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def console_log():
    """What the site's configured console handler writes, while the test runs."""
    handler = next(
        handler
        for handler in logging.getLogger("django").handlers
        if any(isinstance(f, RedactPersonalData) for f in handler.filters)
    )
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def test_bad_member_links_are_logged_without_their_tokens(client, console_log):
    token = manage_token(subscriber(email="lasitava@example.org"))
    bad = token[:-4] + "AAAA"
    assert client.get(f"/lv/community/preferences/{bad}/").status_code == 400
    assert client.get(f"/unsubscribe/{bad}/").status_code == 400
    assert client.get("/lv/community/confirm/not-a-token/").status_code == 400
    log = console_log.getvalue()
    assert "Bad Request: /lv/community/preferences/[redacted]/" in log
    assert "Bad Request: /unsubscribe/[redacted]/" in log
    assert bad not in log
    assert "not-a-token" not in log


def test_emails_and_tokens_in_any_message_and_traceback_are_redacted(console_log):
    logger = logging.getLogger("django.community")
    logger.warning("Mail to %s refused", "anna.berzina+libri@biblioteka.lv")
    try:
        raise ValueError("bad address jan@example.org at /unsubscribe/abc.def:ghi/")
    except ValueError:
        logger.exception("Digest failed")
    log = console_log.getvalue()
    assert "Mail to [redacted] refused" in log
    assert "jan@example.org" not in log
    assert "abc.def:ghi" not in log
    assert "ValueError: bad address [redacted] at /unsubscribe/[redacted]/" in log


def test_redact_keeps_what_is_not_personal():
    text = "GET /lv/search/?query=library 200"
    assert redact(text) == text
    assert redact("POST /ru/community/confirm/eyJ.x:y/ 302") == (
        "POST /ru/community/confirm/[redacted]/ 302"
    )


def test_celery_worker_handlers_get_the_filter_too():
    from config.celery import redact_personal_data

    logger = logging.getLogger("test.celery.worker")
    buffer = io.StringIO()
    logger.addHandler(logging.StreamHandler(buffer))
    redact_personal_data(logger=logger)
    logger.error("Refused: %s", "anna@example.org")
    assert buffer.getvalue() == "Refused: [redacted]\n"


def test_percent_encoded_addresses_are_redacted():
    """Access logs record the query string as sent: the at sign arrives as %40."""
    assert redact("GET /lv/search/?query=anna.berzina%2Bx%40biblioteka.lv 200") == (
        "GET /lv/search/?query=[redacted] 200"
    )
