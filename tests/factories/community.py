"""Subscription pages and subscribers."""

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
