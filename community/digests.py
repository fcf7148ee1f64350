"""Digests: which runs exist, what each member gets, and sending it exactly once.

Page types that are digest material say so with a ``digest_group`` class
attribute: the heading they are listed under.
"""

import time
from datetime import timedelta
from smtplib import SMTPException, SMTPRecipientsRefused, SMTPResponseException

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Page

from .models import Delivery, DigestRun, Subscriber
from .tokens import manage_token

FALLBACK_LANGUAGE = "en"
MAX_ITEMS = 30


def period_start(frequency, today):
    """The first day of the period ``today`` falls in: its Monday, or the 1st."""
    if frequency == Subscriber.Frequency.WEEKLY:
        return today - timedelta(days=today.weekday())
    return today.replace(day=1)


def create_run(frequency, today=None):
    """The run for this period and whether this call created it.

    The unique constraint makes a second call (beat firing twice, a retried task)
    find the first run instead of making another.
    """
    today = today or timezone.localdate()
    return DigestRun.objects.get_or_create(
        frequency=frequency, period_start=period_start(frequency, today)
    )


def create_deliveries(run):
    """A queued delivery for every active member of the run's frequency."""
    members = Subscriber.objects.filter(
        status=Subscriber.Status.ACTIVE, frequency=run.frequency
    ).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        [Delivery(run=run, subscriber_id=pk) for pk in members],
        ignore_conflicts=True,
    )
    return list(
        run.deliveries.filter(status=Delivery.Status.QUEUED).values_list(
            "pk", flat=True
        )
    )


def claim_timeout():
    """How long a claim holds before its worker is taken for dead."""
    return timedelta(seconds=settings.DIGEST_CLAIM_TIMEOUT)


def claim(delivery_id):
    """Take a delivery for sending; False if it is sent or another worker has it."""
    now = timezone.now()
    claimable = Q(status=Delivery.Status.QUEUED) | Q(
        status=Delivery.Status.SENDING, claimed_at__lt=now - claim_timeout()
    )
    return bool(
        Delivery.objects.filter(claimable, pk=delivery_id).update(
            status=Delivery.Status.SENDING, claimed_at=now
        )
    )


def abandoned_deliveries():
    """Deliveries a dead worker left behind: claims past the timeout, or queued rows
    of a run whose fan-out message was lost."""
    stale = timezone.now() - claim_timeout()
    return list(
        Delivery.objects.filter(
            Q(status=Delivery.Status.SENDING, claimed_at__lt=stale)
            | Q(status=Delivery.Status.QUEUED, run__created_at__lt=stale)
        ).values_list("pk", flat=True)
    )


def digest_models():
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "digest_group", None)
    ]


def since_for(subscriber):
    """New material is what was published after the last digest, or confirmation."""
    last = (
        subscriber.deliveries.filter(status=Delivery.Status.SENT)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return last or subscriber.confirmed_at


def new_pages(subscriber, since, until):
    """Digest material published in (since, until], in the member's language.

    A page not translated into that language comes in English if it exists there.
    Members with chosen topics get only pages on those topics.
    """
    languages = [subscriber.language, FALLBACK_LANGUAGE]
    topic_ids = set(subscriber.topics.values_list("pk", flat=True))
    chosen = {}
    for model in digest_models():
        pages = (
            model.objects.live()
            .public()
            .filter(
                first_published_at__gt=since,
                first_published_at__lte=until,
                locale__language_code__in=languages,
            )
            .select_related("locale")
            .order_by("-first_published_at")
        )
        if topic_ids and hasattr(model, "topics"):
            pages = pages.filter(topics__in=topic_ids).distinct()
        elif topic_ids:
            continue
        for page in pages[:MAX_ITEMS]:
            current = chosen.get(page.translation_key)
            if current is None or page.locale.language_code == subscriber.language:
                chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.first_published_at)


def grouped(pages):
    groups = {}
    for page in pages:
        groups.setdefault(str(page.digest_group), []).append(page)
    return groups


def absolute(path):
    return settings.BASE_URL.rstrip("/") + path


def message_id(delivery):
    """Fixed per run and member: a resend is the same message to mail systems."""
    domain = settings.DIGEST_LIST_ID.rsplit("<", 1)[-1].rstrip(">") or "libri"
    return f"<digest-{delivery.run_id}-{delivery.subscriber_id}@{domain}>"


def build_message(subscriber, pages, message_id=None):
    """The digest email: multipart, absolute links, one-click unsubscribe headers."""
    token = manage_token(subscriber)
    unsubscribe_url = absolute(reverse("unsubscribe", args=[token]))
    with translation.override(subscriber.language):
        context = {
            "subscriber": subscriber,
            "groups": {
                title: [(page.title, absolute(page.url), page) for page in items]
                for title, items in grouped(pages).items()
            },
            "preferences_url": absolute(reverse("community:preferences", args=[token])),
            "unsubscribe_url": unsubscribe_url,
            "base_url": settings.BASE_URL,
        }
        message = EmailMultiAlternatives(
            subject=_("What is new on LIBRI"),
            body=render_to_string("community/email/digest.txt", context),
            to=[subscriber.email],
            headers={
                "List-Id": settings.DIGEST_LIST_ID,
                "List-Unsubscribe": (
                    f"<{unsubscribe_url}>, <mailto:{settings.DIGEST_UNSUBSCRIBE_EMAIL}"
                    "?subject=unsubscribe>"
                ),
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                **({"Message-ID": message_id} if message_id else {}),
            },
        )
        message.attach_alternative(
            render_to_string("community/email/digest.html", context), "text/html"
        )
    return message


def is_permanent(error):
    """A 5xx answer: the address will not accept mail, so retrying is pointless."""
    if isinstance(error, SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, SMTPResponseException) and error.smtp_code >= 500


def wait_for_send_slot():
    """One sending rate shared by every worker: a per-second counter in the cache."""
    while True:
        window = f"digest-rate:{int(time.time())}"
        cache.add(window, 0, timeout=5)
        if cache.incr(window) <= settings.DIGEST_SEND_RATE:
            return
        time.sleep(1 - time.time() % 1)


def mark(delivery_id, **fields):
    Delivery.objects.filter(pk=delivery_id).update(**fields)


def send_delivery(delivery_id, connection=None):
    """Send one claimed delivery; a delivery already sent or taken is left alone.

    A transient failure gives the row back and raises, for the task to retry; a
    permanent one marks it failed and suppresses the address.
    """
    if not claim(delivery_id):
        return False
    delivery = Delivery.objects.select_related("subscriber", "run").get(pk=delivery_id)
    subscriber = delivery.subscriber
    until = delivery.claimed_at
    pages = []
    if subscriber.status == Subscriber.Status.ACTIVE:
        pages = new_pages(subscriber, since_for(subscriber), until)
    if not pages:
        mark(delivery_id, status=Delivery.Status.SKIPPED)
        return False
    message = build_message(subscriber, pages, message_id(delivery))
    message.connection = connection
    wait_for_send_slot()
    try:
        message.send()
    except (SMTPException, OSError) as error:
        if not is_permanent(error):
            mark(delivery_id, status=Delivery.Status.QUEUED, claimed_at=None)
            raise
        mark(delivery_id, status=Delivery.Status.FAILED, failure=str(error)[:500])
        suppress(subscriber)
        return False
    mark(delivery_id, status=Delivery.Status.SENT, sent_at=until, item_count=len(pages))
    return True


def suppress(subscriber):
    from .subscriptions import Source, set_status

    set_status(subscriber, Subscriber.Status.SUPPRESSED, Source.BOUNCE)
