"""Signed links for email: confirming a subscription, managing it, unsubscribing."""

from datetime import timedelta

from django.core import signing

CONFIRM_SALT = "community.confirm"
MANAGE_SALT = "community.manage"
CONFIRM_MAX_AGE = timedelta(days=3)
MAX_TOKEN_LENGTH = 2000


def confirmation_token(request_data):
    """A link token carrying the whole request: nothing is stored until it is used."""
    return signing.dumps(request_data, salt=CONFIRM_SALT, compress=True)


def read_confirmation_token(token):
    """The request a confirmation token carries, or None if forged or expired."""
    if len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None


def manage_token(subscriber):
    """The token of a subscriber's preference and unsubscribe links.

    It does not expire, so that the link in an old digest still unsubscribes, but
    it dies with the subscriber's token version.
    """
    return signing.dumps(
        {"s": subscriber.pk, "v": subscriber.token_version}, salt=MANAGE_SALT
    )


def subscriber_for_manage_token(token):
    """The subscriber a manage token names, or None if it is forged or revoked."""
    from .models import Subscriber

    if len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        data = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return Subscriber.objects.filter(
        pk=data.get("s"), token_version=data.get("v")
    ).first()
