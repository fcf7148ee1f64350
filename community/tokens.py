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


def manage_signer():
    """The signer of manage tokens: ``signing.dumps`` makes one for each token,
    which was half a token's time where a batch of digests signs hundreds."""
    return signing.TimestampSigner(salt=MANAGE_SALT)


def manage_token(subscriber, signer=None):
    """The token of a subscriber's preference and unsubscribe links.

    It does not expire, so that the link in an old digest still unsubscribes, but
    it dies with the subscriber's token version. ``signer``: see ``manage_signer``.
    """
    signer = signer or manage_signer()
    return signer.sign_object({"s": subscriber.pk, "v": subscriber.token_version})


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
