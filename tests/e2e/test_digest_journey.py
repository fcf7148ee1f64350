"""A member's whole journey: subscribe, confirm from the mail, choose topics, get a
digest, leave with one click. Mail goes through the real SMTP sink.

The digest task runs in this process (Celery's eager mode in the test settings),
on the live server's database and through the same SMTP sink: the worker's own
behaviour is covered by tests/community/test_integration.py and test_crash.py.
"""

import re
import time
import urllib.request
import uuid

from django.utils import translation
from django.utils.translation import gettext

import pytest

from community.models import ConsentEvent, Subscriber
from community.tasks import start_digest_run
from home.models import ContentPageTopic, Topic
from tests.factories.community import subscribe_pages
from tests.factories.pages import build_site, content_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def mail_through_sink(settings, smtp_sink, live_server):
    host, port = smtp_sink.url.removeprefix("smtp://").split(":")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = host, int(port)
    settings.BASE_URL = live_server.url
    return smtp_sink


def digest_to(sink, address, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in sink.messages:
            if address in message["To"] and message["List-Id"]:
                return message
        time.sleep(0.1)
    raise AssertionError(f"No digest to {address}")


def one_click_post(url):
    """What a mail client does for RFC 8058: a bare POST, no cookies, no token."""
    request = urllib.request.Request(  # noqa: S310 - the live server's http URL
        url,
        data=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status


def published(parent, title, topic):
    page = content_page(parent, title=title, topic_items=[ContentPageTopic(tag=topic)])
    assert page.first_published_at > Subscriber.objects.get().confirmed_at
    return page


def test_member_subscribes_confirms_chooses_topics_gets_a_digest_and_leaves(
    live_server, phone, mail_through_sink
):
    homes = build_site()
    subscribe = subscribe_pages(homes)["lv"]
    hackathons = Topic.objects.create(name="Hakatoni", slug="hackathons")
    clubs = Topic.objects.create(name="Sarunvalodas klubi", slug="language-clubs")
    address = f"journey-{uuid.uuid4().hex[:8]}@example.org"
    page, steps = phone

    page.goto(live_server.url + subscribe.url)
    page.fill("input[name=email]", address)
    page.fill("input[name=name]", "Ieva")
    page.select_option("select[name=language]", "lv")
    page.check(f"input[name=topics][value='{hackathons.pk}']")
    page.check("input[name=frequency][value=weekly]")
    page.check("input[name=consent]")
    steps.shot("subscribe-form-filled")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert address in page.content()
    assert Subscriber.objects.count() == 0  # nothing before the confirmation
    steps.shot("check-your-inbox")

    confirmation = mail_through_sink.wait_for(address)
    text = confirmation.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/community/confirm/\S+/", text).group(0)
    page.goto(link)
    assert Subscriber.objects.count() == 0  # opening the link confirms nothing
    steps.shot("confirm-page")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/lv/community/preferences/.+"))
    member = Subscriber.objects.get()
    assert (member.email, member.status) == (address, "active")
    assert list(member.topics.all()) == [hackathons]
    steps.shot("preferences-after-confirming")

    page.uncheck(f"input[name=topics][value='{hackathons.pk}']")
    page.check(f"input[name=topics][value='{clubs.pk}']")
    page.locator("button[name=action][value=save]").click()
    page.wait_for_selector("[role=status]")
    assert list(member.topics.all()) == [clubs]
    steps.shot("preferences-saved")

    published(homes["lv"], "Sarunvalodas kluba rokasgrāmata", clubs)
    published(homes["lv"], "Hakatona kontrolsaraksts", hackathons)
    start_digest_run.delay("weekly")
    digest = digest_to(mail_through_sink, address)
    body = digest.get_body(("plain",)).get_content()
    html = digest.get_body(("html",)).get_content()
    with translation.override("lv"):
        assert digest["Subject"] == gettext("What is new on LIBRI")
    assert "Sarunvalodas kluba rokasgrāmata" in body
    assert "Hakatona kontrolsaraksts" not in body
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # A blank page first: the site's Content-Security-Policy would block the
    # email's inline styles, and a mail client shows them.
    page.goto("about:blank")
    page.set_content(html)
    steps.shot("digest-email")

    unsubscribe_url = re.search(r"<(https?://[^>]+)>", digest["List-Unsubscribe"])[1]
    assert unsubscribe_url.startswith(live_server.url)
    page.goto(unsubscribe_url)  # a mail scanner or a curious click: no change
    assert page.locator("main form button[type=submit]").is_visible()
    member.refresh_from_db()
    assert member.status == "active"
    steps.shot("unsubscribe-page-before")

    assert one_click_post(unsubscribe_url) == 200
    member.refresh_from_db()
    assert member.status == "unsubscribed"
    events = ConsentEvent.objects.count()

    page.goto(unsubscribe_url)
    assert page.locator("main form button[type=submit]").is_visible()
    member.refresh_from_db()
    assert member.status == "unsubscribed"
    assert ConsentEvent.objects.count() == events
    assert ConsentEvent.objects.filter(subscriber=member).last().source == "one-click"
    steps.shot("unsubscribe-page-after-one-click")
