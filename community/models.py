"""Subscribers to the practice-community digests, their consent, the subscribe page."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

# Bumped whenever the consent wording on the form changes; every consent event
# records the version the person saw.
CONSENT_WORDING_VERSION = "2026-11-v1"


def email_hash(email):
    """A stable fingerprint of an address, kept in the consent log after erasure."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


class Subscriber(models.Model):
    """A confirmed member of the practice community who receives digests."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUPPRESSED = "suppressed", _("Suppressed: mail to the address bounced")

    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="lv"
    )
    topics = models.ManyToManyField(
        "home.Topic", blank=True, related_name="subscribers", verbose_name=_("topics")
    )
    frequency = models.CharField(
        _("frequency"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.MONTHLY,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    # Part of every signed link; raising it makes all earlier links invalid.
    token_version = models.PositiveIntegerField(default=1, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="subscriber_email_ci_unique")
        ]

    def __str__(self):
        return self.email


class ConsentEvent(models.Model):
    """One entry of the append-only consent log.

    The subscriber link is cleared when a member erases their data; the address's
    fingerprint stays, so that the log still proves what was consented to.
    """

    class Action(models.TextChoices):
        REQUESTED = "requested", _("Subscription requested")
        CONFIRMED = "confirmed", _("Subscription confirmed")
        PREFERENCES = "preferences", _("Preferences changed")
        PAUSED = "paused", _("Paused")
        RESUMED = "resumed", _("Resumed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        ERASED = "erased", _("Data erased")

    class Source(models.TextChoices):
        FORM = "form", _("Subscription form")
        EMAIL_LINK = "email-link", _("Link in an email")
        ONE_CLICK = "one-click", _("One-click unsubscribe")
        ADMIN = "admin", _("Administrator")
        BOUNCE = "bounce", _("Bounced email")

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consent_events",
    )
    email_hash = models.CharField(max_length=64, db_index=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    source = models.CharField(max_length=16, choices=Source.choices)
    wording_version = models.CharField(max_length=32, default=CONSENT_WORDING_VERSION)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent event")
        verbose_name_plural = _("consent events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The consent log is append-only.")
        super().save(*args, **kwargs)


class SubscribePage(Page):
    """The digest subscription form, one per language's home page."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What members receive and how often."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("subscribe page")

    def serve(self, request, *args, **kwargs):
        from .views import subscribe

        return subscribe(request, self)


class DigestRun(models.Model):
    """One sending of the digest for one frequency and period, created once."""

    frequency = models.CharField(max_length=10, choices=Subscriber.Frequency.choices)
    period_start = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")
        constraints = [
            models.UniqueConstraint(
                fields=["frequency", "period_start"], name="digest_run_once_per_period"
            )
        ]

    def __str__(self):
        return f"{self.get_frequency_display()} {self.period_start:%Y-%m-%d}"


class Delivery(models.Model):
    """One subscriber's digest of one run: claimed before sending, sent at most once.

    A claim older than the claim timeout means its worker died; the reconciler
    then claims the row again, so that nobody is left out.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Skipped: nothing new")
        FAILED = "failed", _("Failed")

    run = models.ForeignKey(
        DigestRun, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    item_count = models.PositiveIntegerField(default=0)
    failure = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["run", "subscriber"], name="delivery_once_per_run"
            )
        ]

    def __str__(self):
        return f"{self.run} → {self.subscriber_id}: {self.status}"
