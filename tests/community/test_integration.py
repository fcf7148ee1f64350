"""Subscription and digest mails travel through Redis, a real worker and real SMTP."""

import re
import time
import uuid
from datetime import timedelta

from django.utils import timezone

import pytest

from community.models import Delivery, Subscriber
from community.tasks import start_digest_run
from tests.factories.community import subscribe_pages, subscriber
from tests.factories.pages import build_site, content_page


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_subscriber_confirms_from_the_mail_the_worker_sent(
    client, live_celery_worker, smtp_sink
):
    pages = subscribe_pages(build_site())
    address = f"integration-{uuid.uuid4().hex[:8]}@example.org"

    response = client.post(
        pages["en"].url,
        {"email": address, "language": "uk", "frequency": "monthly", "consent": "on"},
    )
    assert response.status_code == 200

    message = smtp_sink.wait_for(address)
    assert "LIBRI" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    link = re.search(r"https?://\S+/uk/community/confirm/\S+/", text).group(0)
    assert link in html
    assert Subscriber.objects.count() == 0

    confirmed = client.post(re.sub(r"^https?://[^/]+", "", link))
    assert confirmed.status_code == 302
    member = Subscriber.objects.get()
    assert (member.email, member.language, member.status) == (address, "uk", "active")


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_sends_each_member_one_digest_through_smtp(
    live_celery_worker, smtp_sink
):
    homes = build_site()
    page = content_page(homes["lv"], title="Hakatonu kontrolsaraksts")
    page.first_published_at = timezone.now() - timedelta(hours=1)
    page.save(update_fields=["first_published_at"])
    since = timezone.now() - timedelta(days=7)
    members = [
        subscriber(
            email=f"digest-{n}-{uuid.uuid4().hex[:6]}@example.org",
            frequency="weekly",
            confirmed_at=since,
        )
        for n in range(3)
    ]

    first = start_digest_run.delay("weekly")
    second = start_digest_run.delay("weekly")  # beat firing twice
    assert first.get(timeout=30) == 3
    assert second.get(timeout=30) == 0

    for member in members:
        message = smtp_sink.wait_for(member.email)
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "Hakatonu kontrolsaraksts" in message.get_body(("plain",)).get_content()
    deadline = time.monotonic() + 30
    while Delivery.objects.filter(status="sent").count() < 3:
        assert time.monotonic() < deadline, "deliveries not marked sent"
        time.sleep(0.2)
    time.sleep(1)  # any duplicate would have arrived by now
    received = [m["To"] for m in smtp_sink.messages if m["To"].startswith("digest-")]
    assert sorted(received) == sorted(member.email for member in members)
