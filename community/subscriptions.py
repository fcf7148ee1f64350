"""What happens to a subscription: requested, confirmed, changed, paused, ended.

Each change writes its consent event in the same transaction.
"""

from django.db import transaction
from django.utils import timezone

from home.models import Topic
from home.queue import enqueue_on_commit

from .models import ConsentEvent, Subscriber, email_hash
from .tokens import confirmation_token

Action = ConsentEvent.Action
Source = ConsentEvent.Source
Status = Subscriber.Status


def log(action, source, email, subscriber=None):
    ConsentEvent.objects.create(
        subscriber=subscriber,
        email_hash=email_hash(email),
        action=action,
        source=source,
    )


@transaction.atomic
def request_subscription(request_data):
    """Log the request and mail a confirmation link; nothing else is stored.

    The answer is the same whether or not the address is subscribed already: only
    its owner learns that, from their inbox.
    """
    from .tasks import send_confirmation

    log(Action.REQUESTED, Source.FORM, request_data["email"])
    enqueue_on_commit(
        send_confirmation,
        request_data["email"],
        confirmation_token(request_data),
        request_data["language"],
    )


@transaction.atomic
def confirm_subscription(request_data):
    """Create or update the subscriber the confirmed request describes."""
    subscriber = (
        Subscriber.objects.select_for_update()
        .filter(email__iexact=request_data["email"])
        .first()
    ) or Subscriber(email=request_data["email"])
    subscriber.name = request_data["name"]
    subscriber.organisation = request_data["organisation"]
    subscriber.language = request_data["language"]
    subscriber.frequency = request_data["frequency"]
    subscriber.status = Status.ACTIVE
    subscriber.confirmed_at = timezone.now()
    subscriber.save()
    subscriber.topics.set(Topic.objects.filter(pk__in=request_data["topics"]))
    log(Action.CONFIRMED, Source.EMAIL_LINK, subscriber.email, subscriber)
    return subscriber


@transaction.atomic
def save_preferences(form):
    subscriber = form.save()
    log(Action.PREFERENCES, Source.EMAIL_LINK, subscriber.email, subscriber)
    return subscriber


STATUS_ACTIONS = {
    Status.ACTIVE: Action.RESUMED,
    Status.PAUSED: Action.PAUSED,
    Status.UNSUBSCRIBED: Action.UNSUBSCRIBED,
    Status.SUPPRESSED: Action.UNSUBSCRIBED,
}


@transaction.atomic
def set_status(subscriber, status, source):
    """Move a subscriber to ``status``; a second time changes nothing."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != status:
        subscriber.status = status
        subscriber.save(update_fields=["status", "updated_at"])
        log(STATUS_ACTIONS[status], source, subscriber.email, subscriber)
    return subscriber


def export_data(subscriber):
    """Everything held about a member, as JSON-ready data."""
    return {
        "email": subscriber.email,
        "name": subscriber.name,
        "organisation": subscriber.organisation,
        "language": subscriber.language,
        "topics": [topic.name for topic in subscriber.topics.all()],
        "frequency": subscriber.frequency,
        "status": subscriber.status,
        "confirmed_at": subscriber.confirmed_at.isoformat(),
        "consent_log": [
            {
                "action": event.action,
                "source": event.source,
                "wording_version": event.wording_version,
                "at": event.at.isoformat(),
            }
            for event in subscriber.consent_events.all()
        ],
        "digests_sent": [
            delivery.sent_at.isoformat()
            for delivery in subscriber.deliveries.filter(status="sent")
        ],
    }


@transaction.atomic
def erase(subscriber):
    """Delete the member and their deliveries; the consent log keeps only a hash."""
    log(Action.ERASED, Source.EMAIL_LINK, subscriber.email)
    subscriber.delete()
