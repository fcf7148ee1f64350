"""Digests: one run per period, one mail per member and run, only what is new."""

import re
import smtplib
import zoneinfo
from datetime import date, datetime, timedelta
from email.utils import parseaddr
from smtplib import SMTPDataError

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest

from community import digest_mail, digests
from community.models import Delivery, DigestRun, Subscriber
from community.tasks import reconcile_deliveries, start_digest_run
from home.models import ContentPageTopic, Topic
from tests.factories.community import subscriber
from tests.factories.pages import LANGUAGES, content_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(site):
    return subscriber(
        language="lv",
        frequency="weekly",
        confirmed_at=timezone.now() - timedelta(days=30),
    )


def published(parent, title, days_ago=1, topics=()):
    page = content_page(
        parent,
        title=title,
        topic_items=[ContentPageTopic(tag=topic) for topic in topics],
    )
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - timedelta(days=days_ago)
    )
    return page


def test_period_starts_on_monday_or_the_first():
    wednesday = date(2026, 11, 25)
    assert digests.period_start("weekly", wednesday) == date(2026, 11, 23)
    assert digests.period_start("monthly", wednesday) == date(2026, 11, 1)


def riga(*args):
    return datetime(*args, tzinfo=zoneinfo.ZoneInfo("Europe/Riga"))


def test_a_run_is_missed_once_its_hour_has_passed_and_until_it_is_made(site):
    digests.create_run("monthly", today=date(2026, 11, 1))
    assert digests.missed_frequencies(riga(2026, 11, 2, 7, 59)) == []  # Monday
    assert digests.missed_frequencies(riga(2026, 11, 2, 8, 0)) == ["weekly"]
    assert digests.missed_frequencies(riga(2026, 12, 1, 7, 59)) == ["weekly"]
    assert digests.missed_frequencies(riga(2026, 12, 1, 8, 0)) == [
        "weekly",
        "monthly",
    ]
    digests.create_run("weekly", today=date(2026, 11, 4))
    assert digests.missed_frequencies(riga(2026, 11, 5, 12, 0)) == []


def test_the_reconciler_starts_the_run_beat_missed(site, member):
    published(site["lv"], "Jauna nodaļa")
    missed = digests.missed_frequencies()  # weekly, except Monday before 08:00
    reconcile_deliveries.delay()
    assert digests.missed_frequencies() == []
    assert sorted(DigestRun.objects.values_list("frequency", flat=True)) == sorted(
        missed
    )
    weekly_mail = [[member.email]] if "weekly" in missed else []
    assert [message.to for message in mail.outbox] == weekly_mail


def test_beat_firing_twice_makes_one_run_and_one_mail(site, member):
    published(site["lv"], "Jauna nodaļa")
    start_digest_run.delay("weekly")
    start_digest_run.delay("weekly")
    assert DigestRun.objects.count() == 1
    assert Delivery.objects.get().status == "sent"
    assert len(mail.outbox) == 1


def test_a_delivery_is_sent_once_however_often_its_task_runs(site, member):
    published(site["lv"], "Jauna nodaļa")
    run, _ = digests.create_run("weekly")
    (delivery_id,) = digests.create_deliveries(run)
    assert digests.send_delivery(delivery_id) is True
    assert digests.send_delivery(delivery_id) is False
    assert len(mail.outbox) == 1


def test_a_claim_abandoned_by_a_dead_worker_is_taken_again(site, member):
    published(site["lv"], "Jauna nodaļa")
    run, _ = digests.create_run("weekly")
    (delivery_id,) = digests.create_deliveries(run)
    assert digests.claim(delivery_id)
    assert digests.send_delivery(delivery_id) is False  # a live claim is respected
    Delivery.objects.filter(pk=delivery_id).update(
        claimed_at=timezone.now() - digests.claim_timeout() - timedelta(seconds=1)
    )
    assert digests.send_delivery(delivery_id) is True
    assert len(mail.outbox) == 1


def test_nobody_gets_an_empty_digest(site, member):
    start_digest_run.delay("weekly")
    assert Delivery.objects.get().status == "skipped"
    assert mail.outbox == []


def test_only_what_is_new_since_the_last_digest(site, member):
    published(site["lv"], "Vecā nodaļa", days_ago=60)
    published(site["lv"], "Pirmā jaunā", days_ago=3)
    start_digest_run.delay("weekly")
    assert "Pirmā jaunā" in mail.outbox[0].body
    assert "Vecā nodaļa" not in mail.outbox[0].body
    published(site["lv"], "Otrā jaunā", days_ago=0)
    next_week = digests.create_run("weekly", timezone.localdate() + timedelta(days=7))
    (delivery_id,) = digests.create_deliveries(next_week[0])
    digests.send_delivery(delivery_id)
    assert "Otrā jaunā" in mail.outbox[1].body
    assert "Pirmā jaunā" not in mail.outbox[1].body


def test_members_get_their_topics_in_their_language_with_english_fallback(site):
    hackathons = Topic.objects.create(name="Hakatoni", slug="hackathons")
    other = Topic.objects.create(name="Cits", slug="other")
    member = subscriber(
        language="uk",
        frequency="weekly",
        confirmed_at=timezone.now() - timedelta(days=30),
    )
    member.topics.set([hackathons])
    published(site["uk"], "Хакатон у Резекне", topics=[hackathons])
    published(site["en"], "Hackathon checklist", topics=[hackathons])
    published(site["uk"], "Інша тема", topics=[other])
    published(site["lv"], "Latviešu hakatons", topics=[hackathons])
    start_digest_run.delay("weekly")
    body = mail.outbox[0].body
    assert "Хакатон у Резекне" in body
    assert "Hackathon checklist" in body
    assert "Інша тема" not in body
    assert "Latviešu hakatons" not in body


def test_paused_and_monthly_members_get_no_weekly_digest(site, member):
    subscriber(email="paused@example.org", frequency="weekly", status="paused")
    subscriber(email="monthly@example.org", frequency="monthly")
    published(site["lv"], "Jauna nodaļa")
    start_digest_run.delay("weekly")
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_every_digest_carries_one_click_unsubscribe(client, site, member):
    published(site["lv"], "Jauna nodaļa")
    start_digest_run.delay("weekly")
    message = mail.outbox[0]
    headers = message.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Id"]
    url, mailto = [part.strip(" <>") for part in headers["List-Unsubscribe"].split(",")]
    assert url.startswith("http") and mailto.startswith("mailto:")
    html = message.alternatives[0][0]
    assert url in html and url in message.body
    assert 'style="' in html and "<style" not in html  # CSS inlined
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = client.post("/" + path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.status == "unsubscribed"


def test_a_claim_left_by_a_dead_worker_is_reconciled(site, member):
    published(site["lv"], "Jauna nodaļa")
    run, _ = digests.create_run("weekly")
    (delivery_id,) = digests.create_deliveries(run)
    digests.claim(delivery_id)  # the worker dies here
    assert reconcile_deliveries.delay().get() == 0  # too early to call it dead
    Delivery.objects.filter(pk=delivery_id).update(
        claimed_at=timezone.now() - digests.claim_timeout() - timedelta(seconds=1)
    )
    assert reconcile_deliveries.delay().get() == 1
    assert Delivery.objects.get().status == "sent"
    assert len(mail.outbox) == 1


def test_member_who_unsubscribes_during_the_run_is_not_mailed(site, member):
    published(site["lv"], "Jauna nodaļa")
    run, _ = digests.create_run("weekly")
    (delivery_id,) = digests.create_deliveries(run)
    member.status = "unsubscribed"
    member.save()
    digests.send_delivery(delivery_id)
    assert mail.outbox == []


def test_message_id_is_fixed_by_run_and_member(site, member):
    published(site["lv"], "Jauna nodaļa")
    start_digest_run.delay("weekly")
    delivery = Delivery.objects.get()
    assert mail.outbox[0].extra_headers["Message-ID"] == digests.message_id(delivery)
    assert f"-{delivery.run_id}-{member.pk}@" in digests.message_id(delivery)


def test_a_failed_send_gives_the_delivery_back_for_the_retry(site, member, settings):
    published(site["lv"], "Jauna nodaļa")
    run, _ = digests.create_run("weekly")
    (delivery_id,) = digests.create_deliveries(run)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # refused
    with pytest.raises(OSError):
        digests.send_delivery(delivery_id)
    assert Delivery.objects.get().status == "queued"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert digests.send_delivery(delivery_id) is True
    assert len(mail.outbox) == 1


@pytest.fixture
def smtp(settings, smtp_sink):
    """Mail goes to the real SMTP sink on loopback."""
    host, port = smtp_sink.url.removeprefix("smtp://").split(":")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = host, int(port)
    yield smtp_sink
    smtp_sink.rejected_addresses.clear()
    smtp_sink.temporary_failures = 0
    smtp_sink.data_replies.clear()
    smtp_sink.messages.clear()
    smtp_sink.pipelining = True


def test_a_refused_address_fails_the_delivery_and_is_suppressed(site, member, smtp):
    smtp.rejected_addresses.add(member.email)
    published(site["lv"], "Jauna nodaļa")
    start_digest_run.delay("weekly")
    delivery = Delivery.objects.get()
    assert delivery.status == "failed"
    assert "550" in delivery.failure
    member.refresh_from_db()
    assert member.status == "suppressed"
    assert [e.source for e in member.consent_events.all()] == ["bounce"]


def test_a_temporary_refusal_is_retried_then_sent_once(site, member, smtp):
    smtp.temporary_failures = 1
    published(site["lv"], "Jauna nodaļa")
    run, _ = digests.create_run("weekly")
    (delivery_id,) = digests.create_deliveries(run)
    with pytest.raises(SMTPDataError):
        digests.send_delivery(delivery_id)
    assert digests.send_delivery(delivery_id) is True
    received = [m for m in smtp.messages if m["To"] == member.email]
    assert len(received) == 1
    smtp.messages.clear()


def weekly_deliveries(count):
    """A run's deliveries to ``count`` new weekly members, in the order sent."""
    for n in range(count):
        subscriber(
            email=f"pipelined-{n}@example.org",
            language="lv",
            frequency="weekly",
            confirmed_at=timezone.now() - timedelta(days=30),
        )
    run, _ = digests.create_run("weekly")
    digests.create_deliveries(run)
    return list(run.deliveries.select_related("subscriber").order_by("pk"))


def received_by(smtp, address):
    return [m for m in smtp.messages if m["To"] == address]


def test_a_digest_s_end_goes_with_the_next_digest_s_envelope(site, smtp, monkeypatch):
    writes = []
    send = smtplib.SMTP.send
    monkeypatch.setattr(
        smtplib.SMTP, "send", lambda self, data: writes.append(data) or send(self, data)
    )
    published(site["lv"], "Jauna nodaļa")
    deliveries = weekly_deliveries(3)
    assert digests.send_batch([delivery.pk for delivery in deliveries]) == 3
    sender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    envelopes = [
        rf"MAIL FROM:<{sender}> size=\d+\r\nRCPT TO:<{d.subscriber.email}>\r\nDATA\r\n"
        for d in deliveries
    ]
    envelopes = [re.compile(e.replace(".", r"\.").encode()) for e in envelopes]
    data = [w for w in writes if isinstance(w, bytes)]  # commands go as str
    assert len(data) == 4
    assert envelopes[0].fullmatch(data[0])  # the first envelope on its own
    # Then each digest's end with the next digest's envelope; the last end alone.
    ahead = [write.split(b"\r\n.\r\n", 1)[1] for write in data[1:]]
    assert envelopes[1].fullmatch(ahead[0]) and envelopes[2].fullmatch(ahead[1])
    assert ahead[2] == b""
    for delivery in deliveries:
        (received,) = received_by(smtp, delivery.subscriber.email)
        assert received["Message-ID"] == digests.message_id(delivery)
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    smtp.messages.clear()


@pytest.mark.parametrize("refused_at", ["RCPT", "end of data"])
def test_a_refused_digest_sent_ahead_fails_only_its_own_delivery(
    site, smtp, refused_at
):
    published(site["lv"], "Jauna nodaļa")
    first, second, third = weekly_deliveries(3)
    refused = second.subscriber.email
    if refused_at == "RCPT":
        smtp.rejected_addresses.add(refused)
    else:
        smtp.data_replies[refused] = "550 5.7.1 Message refused"
    assert digests.send_batch([first.pk, second.pk, third.pk]) == 2
    statuses = dict(Delivery.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "sent", second.pk: "failed", third.pk: "sent"}
    assert "550" in Delivery.objects.get(pk=second.pk).failure
    assert Subscriber.objects.get(email=refused).status == "suppressed"
    assert received_by(smtp, refused) == []
    for delivery in (first, third):
        assert len(received_by(smtp, delivery.subscriber.email)) == 1
    smtp.messages.clear()


def test_a_temporary_refusal_gives_back_the_digest_and_the_one_sent_ahead(
    site, smtp, settings, monkeypatch
):
    settings.EMAIL_TIMEOUT = 10  # a QUIT read as a message's bytes would hang
    published(site["lv"], "Jauna nodaļa")
    deliveries = weekly_deliveries(3)
    ids = [delivery.pk for delivery in deliveries]
    smtp.data_replies[deliveries[1].subscriber.email] = "451 4.3.0 Try again later"
    writes = []
    send = smtplib.SMTP.send
    monkeypatch.setattr(
        smtplib.SMTP, "send", lambda self, data: writes.append(data) or send(self, data)
    )
    with pytest.raises(SMTPDataError):
        digests.send_batch(ids)
    # The third digest's DATA was open: the connection is dropped, not quit.
    assert "quit\r\n" not in writes
    monkeypatch.undo()
    statuses = [Delivery.objects.get(pk=pk).status for pk in ids]
    assert statuses == ["sent", "queued", "queued"]
    smtp.data_replies.clear()
    assert digests.send_batch(ids) == 2
    for delivery in deliveries:
        assert len(received_by(smtp, delivery.subscriber.email)) == 1
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    smtp.messages.clear()


def test_only_the_digest_whose_envelope_went_ahead_can_go_next(site, smtp):
    published(site["lv"], "Jauna nodaļa")
    first, second, third = weekly_deliveries(3)
    content = digests.NewContent(
        [d.subscriber for d in (first, second, third)], timezone.now()
    )
    first, second, third = (
        content.message(d.subscriber, content.pages_for(d.subscriber), f"<{d.pk}@x>")
        for d in (first, second, third)
    )
    with digest_mail.digest_connection() as connection:
        connection.send_digest(first, following=second)
        with pytest.raises(ValueError, match="must go next"):
            connection.send_digest(third)
    assert [m["To"] for m in smtp.messages] == [first.to[0]]
    smtp.messages.clear()


def test_a_server_without_pipelining_gets_each_digest_once(site, member, smtp):
    smtp.pipelining = False
    published(site["lv"], "Jauna nodaļa")
    start_digest_run.delay("weekly")
    assert Delivery.objects.get().status == "sent"
    assert [m["To"] for m in smtp.messages] == [member.email]
    smtp.messages.clear()


def batch_queries(run, members):
    """The queries of sending a batch to ``members`` new members; how many went."""
    ids = [
        subscriber(
            email=f"member-{run.pk}-{n}@example.org",
            language=LANGUAGES[n % len(LANGUAGES)],
            name=f"Biedrs {n}" if n % 2 else "",
            frequency="weekly",
            confirmed_at=timezone.now() - timedelta(days=30),
        ).pk
        for n in range(members)
    ]
    topics = list(Topic.objects.order_by("pk"))
    for n, member_id in enumerate(ids):
        Subscriber.topics.through.objects.bulk_create(
            Subscriber.topics.through(subscriber_id=member_id, topic_id=topic.pk)
            for topic in topics[: n % 3]  # none, one or two topics
        )
    delivery_ids = list(
        Delivery.objects.bulk_create(
            Delivery(run=run, subscriber_id=member_id) for member_id in ids
        )
    )
    Site.get_site_root_paths()  # cached by Wagtail, as on a running site
    with CaptureQueriesContext(connection) as queries:
        sent = digests.send_batch([delivery.pk for delivery in delivery_ids])
    return len(queries), sent


def test_a_batch_makes_a_fixed_number_of_queries_and_one_a_digest(site):
    hackathons = Topic.objects.create(name="Hakatoni", slug="hackathons")
    clubs = Topic.objects.create(name="Klubi", slug="clubs")
    for language in LANGUAGES:
        for topic in (hackathons, clubs):
            published(site[language], f"{topic.name} {language}", topics=[topic])
    small = batch_queries(digests.create_run("weekly")[0], 5)
    next_week = timezone.localdate() + timedelta(days=7)
    large = batch_queries(digests.create_run("weekly", next_week)[0], 50)
    assert (small[1], large[1]) == (5, 50)
    fixed = small[0] - 5
    assert large[0] - 50 == fixed
    # Members, topics, last digests, pages, their topics, ..., the last marks.
    assert fixed <= 10
