"""Digests: which runs exist, what each member gets, and sending it exactly once.

Page types that are digest material say so with a ``digest_group`` class
attribute: the heading they are listed under.
"""

import uuid
from contextlib import contextmanager
from datetime import timedelta
from smtplib import SMTPException, SMTPRecipientsRefused, SMTPResponseException

from django.conf import settings
from django.db import connection as db_connection
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from . import sendrate
from .digest_mail import (
    HTML_SLOT,
    TEXT_SLOT,
    DigestEmail,
    Layout,
    date_header,
    digest_connection,
    send_digest,
)
from .models import Delivery, DigestRun, Subscriber
from .tokens import manage_signer, manage_token

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


def missed_frequencies(now=None):
    """Frequencies whose run for this period is due but was never made.

    Beat sends its message once: if the broker was down at that moment, the run
    would otherwise wait a whole period.
    """
    now = timezone.localtime(now)
    missed = []
    for frequency in Subscriber.Frequency.values:
        start = period_start(frequency, now.date())
        due = start < now.date() or now.hour >= settings.DIGEST_SEND_HOUR
        made = DigestRun.objects.filter(frequency=frequency, period_start=start)
        if due and not made.exists():
            missed.append(frequency)
    return missed


# A run's deliveries in one statement: building 100,000 model instances for
# bulk_create took most of a run's fan-out. ON CONFLICT: a second fan-out of the
# run (a retried task) adds only the members who were not in the first.
CREATE_DELIVERIES = """
INSERT INTO {delivery} (run_id, subscriber_id, status, item_count, failure)
SELECT %s, id, %s, 0, '' FROM {subscriber} WHERE status = %s AND frequency = %s
ON CONFLICT DO NOTHING
"""


def create_deliveries(run):
    """A queued delivery for every active member of the run's frequency; the ids of
    the run's queued deliveries."""
    sql = CREATE_DELIVERIES.format(
        delivery=Delivery._meta.db_table, subscriber=Subscriber._meta.db_table
    )
    params = [run.pk, Delivery.Status.QUEUED, Subscriber.Status.ACTIVE, run.frequency]
    with db_connection.cursor() as cursor:
        cursor.execute(sql, params)
    return list(
        run.deliveries.filter(status=Delivery.Status.QUEUED).values_list(
            "pk", flat=True
        )
    )


def claim_timeout():
    """How long a claim holds before its worker is taken for dead."""
    return timedelta(seconds=settings.DIGEST_CLAIM_TIMEOUT)


def claimable(now):
    return Q(status=Delivery.Status.QUEUED) | Q(
        status=Delivery.Status.SENDING, claimed_at__lt=now - claim_timeout()
    )


# One statement per digest: the mark of the digest sent before (if any) and the
# claim of the next, which takes a delivery only if it is queued or its claim has
# timed out (as ``claimable``). Written in SQL because the ORM's CASE
# expressions cost more to build than the round trip they save; the statuses are
# the model's constants, written in.
MARK_AND_CLAIM = """
UPDATE {table} SET
    status = CASE WHEN id = %(sent)s THEN '{sent}' ELSE '{sending}' END,
    sent_at = CASE WHEN id = %(sent)s THEN %(sent_at)s ELSE sent_at END,
    item_count = CASE WHEN id = %(sent)s THEN %(item_count)s ELSE item_count END,
    claimed_at = CASE WHEN id = %(sent)s THEN claimed_at ELSE %(now)s END
WHERE id = %(sent)s OR (
    id = %(claimed)s
    AND (status = '{queued}' OR (status = '{sending}' AND claimed_at < %(stale)s))
)
RETURNING id
"""


def mark_and_claim():
    """The statement, its statuses written in."""
    status = Delivery.Status
    return MARK_AND_CLAIM.format(
        table=Delivery._meta.db_table,
        sent=status.SENT.value,
        sending=status.SENDING.value,
        queued=status.QUEUED.value,
    )


# On PostgreSQL a batch prepares the statement once (see ``batch_session``) and
# executes it for each digest: the server parses and plans it once a batch, and
# the worker binds six values instead of fourteen.
CLAIM_PARAMETERS = ("sent", "sent_at", "item_count", "now", "claimed", "stale")
CLAIM_TYPES = "bigint, timestamptz, integer, timestamptz, bigint, timestamptz"


def prepare_claim(name):
    """SQL that prepares the claim statement as ``name``."""
    sql = mark_and_claim()
    for number, parameter in enumerate(CLAIM_PARAMETERS, 1):
        sql = sql.replace(f"%({parameter})s", f"${number}")
    return f"PREPARE {name} ({CLAIM_TYPES}) AS {sql}"


def claim(delivery_id, sent=None, prepared=None):
    """Take a delivery for sending; False if it is sent or another worker has it.

    Each delivery is claimed just before it is sent (see ``Claims``), so that a
    claim's age is never that of a whole batch. ``sent`` is the digest sent
    before it, (delivery id, sent at, item count), marked in the same statement;
    ``prepared`` is the name of the statement prepared on this connection.
    """
    sent_id, sent_at, item_count = sent or (None, None, None)
    now = timezone.now()
    sent_at, stale, now = (
        db_connection.ops.adapt_datetimefield_value(moment)
        for moment in (sent_at, now - claim_timeout(), now)
    )
    values = (sent_id, sent_at, item_count, now, delivery_id, stale)
    with db_connection.cursor() as cursor:
        if prepared:
            placeholders = ", ".join(["%s"] * len(values))
            cursor.execute(f"EXECUTE {prepared} ({placeholders})", values)
        else:
            parameters = dict(zip(CLAIM_PARAMETERS, values, strict=True))
            cursor.execute(mark_and_claim(), parameters)
        return (delivery_id,) in cursor.fetchall()


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


def topics_of(subscriber_ids):
    """Each member's chosen topic ids; members who chose none are left out."""
    chosen = {}
    pairs = Subscriber.topics.through.objects.filter(
        subscriber_id__in=subscriber_ids
    ).values_list("subscriber_id", "topic_id")
    for subscriber_id, topic_id in pairs:
        chosen.setdefault(subscriber_id, set()).add(topic_id)
    return {key: frozenset(value) for key, value in chosen.items()}


def last_sent(subscriber_ids):
    """When each member's last digest was delivered, for those who had one."""
    return dict(
        Delivery.objects.filter(
            subscriber_id__in=subscriber_ids, status=Delivery.Status.SENT
        )
        .values("subscriber_id")
        .annotate(last=Max("sent_at"))
        .values_list("subscriber_id", "last")
    )


def digest_pages(since, until, languages):
    """The live public pages of each digest model published in (since, until].

    One query for the pages of every model, one for view restrictions and one for
    each model with topics and new pages: a fixed count whoever is in the batch.
    Returns a newest-first list per model; each page gets ``digest_group``,
    ``language_code`` and ``topic_ids`` (None for a model without topics).
    """
    models = digest_models()
    kinds = Q()
    for model in models:
        kinds |= Q(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
        )
    pages = (
        Page.objects.live()
        .public()
        .filter(
            kinds,
            first_published_at__gt=since,
            first_published_at__lte=until,
            locale__language_code__in=languages,
        )
        .select_related("locale", "content_type")
        .order_by("-first_published_at")
    )
    by_model = {model: [] for model in models}
    for page in pages:
        model = page.content_type.model_class()
        page.digest_group = model.digest_group
        page.language_code = page.locale.language_code
        by_model[model].append(page)
    for model, model_pages in by_model.items():
        add_topic_ids(model, model_pages)
    return list(by_model.values())


def add_topic_ids(model, pages):
    has_topics = hasattr(model, "topics")
    tagged = {}
    if has_topics and pages:
        pairs = model.topics.through.objects.filter(
            content_object_id__in=[page.pk for page in pages]
        ).values_list("content_object_id", "tag_id")
        for page_id, topic_id in pairs:
            tagged.setdefault(page_id, set()).add(topic_id)
    for page in pages:
        page.topic_ids = tagged.get(page.pk, set()) if has_topics else None


class NewContent:
    """What is new for a batch of members, loaded with a fixed number of queries.

    New material is what was published after a member's last digest, or after
    they confirmed; in their language with a fallback to English; on their topics
    if they chose any. Members who share a language, a topic set and a date share
    one selection of pages; each page, heading and frame of a digest is rendered
    once per language (``fragments``, kept by the caller for a whole run).
    """

    def __init__(self, subscribers, until, fragments=None):
        ids = [subscriber.pk for subscriber in subscribers]
        self.topics = topics_of(ids)
        last = last_sent(ids)
        self.since = {s.pk: last.get(s.pk) or s.confirmed_at for s in subscribers}
        languages = {s.language for s in subscribers} | {FALLBACK_LANGUAGE}
        earliest = min(self.since.values(), default=until)
        self.by_model = digest_pages(earliest, until, languages)
        self.site_root_paths = Site.get_site_root_paths()
        self.fragments = {} if fragments is None else fragments
        self.by_language = {}
        self.selections = {}
        self.bodies = {}
        self.signer = manage_signer()

    def pages_for(self, subscriber):
        """The member's new pages, oldest first; a page once, in their language."""
        key = (
            subscriber.language,
            self.since[subscriber.pk],
            self.topics.get(subscriber.pk),
        )
        if key not in self.selections:
            self.selections[key] = self.select(*key)
        return self.selections[key]

    def select(self, language, since, topics):
        chosen = {}
        for pages in self.in_language(language):
            matching = [
                page
                for page in pages
                if page.first_published_at > since
                and (not topics or (page.topic_ids and page.topic_ids & topics))
            ]
            for page in matching[:MAX_ITEMS]:
                current = chosen.get(page.translation_key)
                if current is None or page.language_code == language:
                    chosen[page.translation_key] = page
        return sorted(chosen.values(), key=lambda page: page.first_published_at)

    def in_language(self, language):
        """Each model's pages in ``language`` or the fallback, newest first.

        Sorted out once a batch and language rather than for every selection: a
        batch makes a few hundred selections from the same pages.
        """
        if language not in self.by_language:
            languages = (language, FALLBACK_LANGUAGE)
            self.by_language[language] = [
                [page for page in pages if page.language_code in languages]
                for pages in self.by_model
            ]
        return self.by_language[language]

    def bodies_for(self, language, pages, named):
        """Text and HTML of a digest, with markers for each member's own parts."""
        key = (language, tuple(page.pk for page in pages), named)
        if key not in self.bodies:
            with translation.override(language):
                groups = self.grouped(language, pages)
                self.bodies[key] = tuple(
                    self.assemble(kind, language, groups, named) for kind in BODY_KINDS
                )
        return self.bodies[key]

    def grouped(self, language, pages):
        """The pages under their headings, translated once a model and language."""
        groups = {}
        for page in pages:
            key = ("heading", language, page.content_type_id)
            if key not in self.fragments:
                self.fragments[key] = str(page.digest_group)
            groups.setdefault(self.fragments[key], []).append(page)
        return groups

    def assemble(self, kind, language, groups, named):
        """One body from the rendered fragments: frame, then each heading's pages."""
        head, tail = self.fragment(render_frame, kind, language, named)
        parts = [head]
        for title, items in groups.items():
            opening, closing = self.fragment(render_group, kind, language, title)
            lines = [self.fragment(render_item, kind, language, page) for page in items]
            parts += [opening, *lines, closing]
        parts.append(tail)
        return "".join(parts)

    def fragment(self, render, kind, language, part):
        key = (render.__name__, kind, language, getattr(part, "pk", part))
        if key not in self.fragments:
            if isinstance(part, Page):
                part._wagtail_cached_site_root_paths = self.site_root_paths
            self.fragments[key] = render(kind, language, part)
        return self.fragments[key]

    def message(self, subscriber, pages, message_id=None):
        """The member's digest email, from the bodies rendered for their group.

        A digest to send (with its ``message_id``) also gets its bytes made from
        the language's layout (see ``community.digest_mail``).
        """
        language = subscriber.language
        text, html = self.bodies_for(language, pages, bool(subscriber.name))
        token = manage_token(subscriber, self.signer)
        values = self.per_language(Links, language).values(subscriber, token)
        message = digest_email(
            language, text, html, values, [subscriber.email], message_id
        )
        if message_id:
            layout = self.per_language(digest_layout, language)
            message.prepared = prepared_bytes(layout, message, token)
        return message

    def per_language(self, make, language):
        """``make(language)``, made once a run."""
        key = (make.__name__, language)
        if key not in self.fragments:
            self.fragments[key] = make(language)
        return self.fragments[key]


# The fragments a worker has rendered in the current run, shared by its batches.
RENDERED = {"run": None, "fragments": {}}
MAX_RENDERED = 5000


def rendered_in_run(run_id):
    """This worker's rendered fragments for a run: each renders once a run."""
    if RENDERED["run"] != run_id or len(RENDERED["fragments"]) >= MAX_RENDERED:
        RENDERED.update(run=run_id, fragments={})
    return RENDERED["fragments"]


def absolute(path):
    return settings.BASE_URL.rstrip("/") + path


def message_id(delivery):
    """Fixed per run and member: a resend is the same message to mail systems."""
    domain = settings.DIGEST_LIST_ID.rsplit("<", 1)[-1].rstrip(">") or "libri"
    return f"<digest-{delivery.run_id}-{delivery.subscriber_id}@{domain}>"


# Stand-ins for the parts of a fragment filled in later: each member's own parts,
# a frame's headings and a heading's pages; and the token in a language's links.
MARKER = uuid.uuid4().hex
NAME, PREFERENCES_URL, UNSUBSCRIBE_URL, GROUPS, ITEMS, TOKEN = (
    f"{MARKER}-{part}"
    for part in ("name", "preferences", "unsubscribe", "groups", "items", "token")
)
BODY_KINDS = ("txt", "html")


def render_frame(kind, language, named):
    """A digest's greeting and footer, split where its headings go."""
    context = {
        "subscriber": {"name": NAME if named else "", "language": language},
        "groups": GROUPS,
        "preferences_url": PREFERENCES_URL,
        "unsubscribe_url": UNSUBSCRIBE_URL,
        "base_url": settings.BASE_URL,
    }
    body = render_to_string(f"community/email/digest.{kind}", context)
    return tuple(body.split(GROUPS))


def render_group(kind, language, title):
    """A heading of a digest, split where its pages go."""
    context = {"title": title, "items": ITEMS}
    body = render_to_string(f"community/email/digest_group.{kind}", context)
    return tuple(body.split(ITEMS))


def render_item(kind, language, page):
    """A page's line in a digest for members of ``language``."""
    context = {
        "title": page.title,
        "url": absolute(page.url),
        "page": page,
        "language": language,
    }
    return render_to_string(f"community/email/digest_item.{kind}", context)


class Links:
    """A language's preference and unsubscribe links, split where the token goes.

    Reversed once a run with a stand-in: two ``reverse()`` calls a member were a
    sixth of a digest's time. A token's letters (URL-safe base64 and colons)
    are ones ``reverse()`` leaves as they are.
    """

    def __init__(self, language):
        with translation.override(language):
            preferences = reverse("community:preferences", args=[TOKEN])
        unsubscribe = reverse("unsubscribe", args=[TOKEN])
        self.preferences = absolute(preferences).split(TOKEN)
        self.unsubscribe = absolute(unsubscribe).split(TOKEN)

    def values(self, subscriber, token):
        """The member's name and links, by the marker each stands in for."""
        return {
            NAME: subscriber.name,
            PREFERENCES_URL: token.join(self.preferences),
            UNSUBSCRIBE_URL: token.join(self.unsubscribe),
        }


def personalised(body, values, quote=str):
    """A rendered body with the member's values in place of the markers."""
    for marker, value in values.items():
        body = body.replace(marker, quote(value))
    return body


def list_unsubscribe(unsubscribe_url):
    return (
        f"<{unsubscribe_url}>, <mailto:{settings.DIGEST_UNSUBSCRIBE_EMAIL}"
        "?subject=unsubscribe>"
    )


def digest_email(language, text, html, values, to, message_id=None):
    """The digest email: multipart, absolute links, one-click unsubscribe headers."""
    with translation.override(language):
        subject = _("What is new on LIBRI")
    message = DigestEmail(
        subject=subject,
        body=personalised(text, values),
        to=to,
        headers={
            "List-Id": settings.DIGEST_LIST_ID,
            "List-Unsubscribe": list_unsubscribe(values[UNSUBSCRIBE_URL]),
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            **({"Message-ID": message_id} if message_id else {}),
        },
    )
    message.attach_alternative(personalised(html, values, quote=escape), "text/html")
    return message


def digest_layout(language):
    """The bytes every digest in ``language`` shares (see ``digest_mail.Layout``)."""
    values = {UNSUBSCRIBE_URL: UNSUBSCRIBE_URL}
    return Layout(digest_email(language, TEXT_SLOT, HTML_SLOT, values, to=[]))


def prepared_bytes(layout, message, token):
    """The member's digest as bytes from the layout (None: Django makes them)."""
    headers = {
        "To": message.to[0],
        "Date": date_header(),
        "List-Unsubscribe": message.extra_headers["List-Unsubscribe"],
        "Message-ID": message.extra_headers["Message-ID"],
    }
    body, html = message.body, message.alternatives[0].content
    return layout.render(body, html, headers, word=token)


def preview(subscriber):
    """The digest the member would get now, or None when there is nothing new."""
    content = NewContent([subscriber], timezone.now())
    pages = content.pages_for(subscriber)
    return content.message(subscriber, pages) if pages else None


def is_permanent(error):
    """A 5xx answer: the address will not accept mail, so retrying is pointless."""
    if isinstance(error, SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, SMTPResponseException) and error.smtp_code >= 500


def mark(delivery_ids, **fields):
    Delivery.objects.filter(pk__in=delivery_ids).update(**fields)


class Claims:
    """A batch's claims and marks: a sent digest is marked by the next claim.

    Each delivery is claimed just before the digest ahead of it is sent (see
    ``Outbox``), so that a claim's age is the time of two messages. The mark of a
    sent digest goes in the same statement as the next claim (at a batch's end,
    in one of its own), and always before the next send: a worker killed at any
    moment leaves at most one digest sent but not marked, the one in flight.
    """

    def __init__(self, sent_at, prepared=None):
        self.sent_at = sent_at
        self.prepared = prepared
        self.unmarked = None  # (delivery id, sent at, item count)

    def claim(self, delivery_id):
        sent, self.unmarked = self.unmarked, None
        return claim(delivery_id, sent, self.prepared)

    def sent(self, delivery_id, item_count):
        self.unmarked = (delivery_id, self.sent_at, item_count)

    def mark_unmarked(self):
        if self.unmarked is not None:
            delivery_id, sent_at, item_count = self.unmarked
            self.unmarked = None
            mark(
                [delivery_id],
                status=Delivery.Status.SENT,
                sent_at=sent_at,
                item_count=item_count,
            )


def send_batch(delivery_ids, connection=None):
    """Send each delivery of the batch that nobody has sent or taken: how many went.

    The batch's members and content are loaded up front with a fixed number of
    queries; then each digest takes one statement, its claim with the mark of the
    one before (see ``Claims``), and skips are marked together at the end. A
    transient failure gives the delivery back and raises, for the task to retry;
    a permanent one marks it failed and suppresses the address.
    """
    until = timezone.now()
    deliveries = list(
        Delivery.objects.filter(claimable(until), pk__in=delivery_ids)
        .select_related("subscriber")
        .order_by("pk")
    )
    if not deliveries:
        return 0
    content = NewContent(
        [delivery.subscriber for delivery in deliveries],
        until,
        rendered_in_run(deliveries[0].run_id),
    )
    with batch_session() as prepared, batch_connection(connection) as connection:
        outbox = Outbox(connection, Claims(sent_at=until, prepared=prepared))
        try:
            for delivery in deliveries:
                outbox.add(delivery, content)
            outbox.send_waiting()
        finally:
            outbox.claims.mark_unmarked()
            skipped = outbox.with_outcome(Delivery.Status.SKIPPED)
            Delivery.objects.filter(claimable(timezone.now()), pk__in=skipped).update(
                status=Delivery.Status.SKIPPED
            )
    return len(outbox.with_outcome(Delivery.Status.SENT))


@contextmanager
def batch_connection(connection):
    """The batch's open mail connection: the one given, else one of its own."""
    if connection is not None:
        yield connection
        return
    with digest_connection() as connection:
        yield connection


@contextmanager
def batch_session():
    """The batch's database session: quick commits, the claim statement prepared.

    Commits don't wait for PostgreSQL to flush each delivery's mark to disk. A
    worker that dies loses nothing: the server has the commit. Only a crash of
    the database server itself may forget the last fraction of a second of marks;
    those digests are sent again with their fixed Message-ID, which mail systems
    take for the same message. Each mark then costs a tenth of the time.
    Yields the name of the prepared claim (None where there is none); it is
    prepared, and dropped, in the round trips of the setting. The name is the
    batch's own: one left behind by a batch whose end failed can't be in the way.
    """
    if db_connection.vendor != "postgresql":
        yield None
        return
    name = f"digest_claim_{uuid.uuid4().hex}"
    with db_connection.cursor() as cursor:
        cursor.execute(f"SET synchronous_commit TO off; {prepare_claim(name)}")
    try:
        yield name
    finally:
        with db_connection.cursor() as cursor:
            cursor.execute(f"RESET synchronous_commit; DEALLOCATE {name}")


def send_delivery(delivery_id, connection=None):
    """Send one delivery unless it is sent or taken; True if it went."""
    return send_batch([delivery_id], connection) == 1


class Outbox:
    """A batch's digests, each sent once the next one is claimed and made.

    A digest's end goes to the mail server in the same write as the next
    digest's envelope (see ``DigestBackend.send_digest``), so one digest at most
    waits, claimed and made but not sent. Nobody gets an empty digest.
    """

    def __init__(self, connection, claims):
        self.connection = connection
        self.claims = claims
        self.allowance = sendrate.Allowance()
        self.outcomes = {}  # delivery id: its new status, None if another has it
        self.waiting = None  # (delivery, message, item count)

    def add(self, delivery, content):
        """Claim and make the delivery's digest, or skip it; send the one waiting."""
        subscriber = delivery.subscriber
        pages = []
        if subscriber.status == Subscriber.Status.ACTIVE:
            pages = content.pages_for(subscriber)
        if not pages:
            self.outcomes[delivery.pk] = Delivery.Status.SKIPPED  # marked later
            return
        if not self.claims.claim(delivery.pk):
            self.outcomes[delivery.pk] = None  # another worker sent it or has it
            return
        message = content.message(subscriber, pages, message_id(delivery))
        self.send_waiting((delivery, message, len(pages)))

    def send_waiting(self, following=None):
        """Send the waiting digest, the ``following`` one's envelope with it.

        A transient failure gives both deliveries back and raises; the digest
        sent is marked with the next claim (see ``Claims``).
        """
        waiting, self.waiting = self.waiting, following
        if waiting is None:
            return
        delivery, message, item_count = waiting
        self.claims.mark_unmarked()  # the one before, if no claim has marked it
        self.allowance.take()
        try:
            send_digest(self.connection, message, following and following[1])
        except (SMTPException, OSError) as error:
            if not is_permanent(error):
                given_back = [delivery.pk] + ([following[0].pk] if following else [])
                mark(given_back, status=Delivery.Status.QUEUED, claimed_at=None)
                raise
            mark([delivery.pk], status=Delivery.Status.FAILED, failure=str(error)[:500])
            suppress(delivery.subscriber)
            self.outcomes[delivery.pk] = Delivery.Status.FAILED
            return
        self.claims.sent(delivery.pk, item_count)
        self.outcomes[delivery.pk] = Delivery.Status.SENT

    def with_outcome(self, status):
        return [pk for pk, outcome in self.outcomes.items() if outcome == status]


def suppress(subscriber):
    from .subscriptions import Source, set_status

    set_status(subscriber, Subscriber.Status.SUPPRESSED, Source.BOUNCE)
