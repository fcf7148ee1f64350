"""Subscription pages and subscribers."""

from datetime import timedelta

from django.utils import timezone

from community.models import SubscribePage, Subscriber
from tests.factories.pages import publish, translate


def subscribe_pages(homes):
    """A subscription page under every language's home page."""
    page = homes["lv"].add_child(
        instance=SubscribePage(
            title="Pieteikties", slug="pieteikties", locale=homes["lv"].locale
        )
    )
    publish(page)
    pages = {"lv": page}
    for code, home in homes.items():
        if code != "lv":
            pages[code] = translate(page, home.locale)
    return pages


def subscriber(email="biblioteka@example.org", **fields):
    fields.setdefault("confirmed_at", timezone.now())
    return Subscriber.objects.create(email=email, **fields)


def weekly_members(prefix, count):
    """``count`` weekly members, confirmed a week ago, as {prefix}-{n}@example.org."""
    confirmed = timezone.now() - timedelta(days=7)
    return Subscriber.objects.bulk_create(
        Subscriber(
            email=f"{prefix}-{n}@example.org",
            frequency="weekly",
            confirmed_at=confirmed,
        )
        for n in range(count)
    )
