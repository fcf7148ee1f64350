"""Subscribers in the Wagtail admin: each member's deliveries, and a safe CSV export."""

import csv
import io
from datetime import date, timedelta

from django.contrib.auth.models import Permission, User
from django.utils import timezone

import pytest

from community.models import Delivery, DigestRun
from community.tokens import manage_token
from tests.factories.community import subscriber

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/subscribers/?export=csv"


def user_with(*codenames, username="trainer"):
    user = User.objects.create_user(username, password="x")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def trainer(client):
    client.force_login(user_with("access_admin", "add_digestrun", "view_subscriber"))


@pytest.fixture
def member(site):
    return subscriber(email="ieva@example.org", name="Ieva")


def deliveries_url(member):
    return f"/admin/subscribers/deliveries/{member.pk}/"


def test_trainer_sees_a_members_deliveries(
    client, trainer, member, django_assert_max_num_queries
):
    sent_at = timezone.now() - timedelta(days=7)
    for period, status, fields in [
        (date(2026, 11, 16), "sent", {"sent_at": sent_at, "item_count": 4}),
        (date(2026, 11, 23), "failed", {"failure": "550 5.1.1 No such user"}),
    ]:
        run = DigestRun.objects.create(frequency="weekly", period_start=period)
        Delivery.objects.create(run=run, subscriber=member, status=status, **fields)
    for n in range(5):  # other members' deliveries stay off this screen
        other = subscriber(email=f"other-{n}@example.org")
        Delivery.objects.create(run=run, subscriber=other, status="sent")

    client.get(deliveries_url(member))  # the site and its settings, remembered
    with django_assert_max_num_queries(12):
        response = client.get(deliveries_url(member))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ieva@example.org" in html
    assert "550 5.1.1 No such user" in html
    assert timezone.localtime(sent_at).strftime("%Y-%m-%d") in html  # Riga's date
    assert html.index("2026-11-23") < html.index("2026-11-16")  # newest run first
    assert "other-0@example.org" not in html


def test_the_subscribers_list_links_to_each_members_deliveries(client, trainer, member):
    response = client.get("/admin/subscribers/")
    assert response.status_code == 200
    assert deliveries_url(member) in response.content.decode()


def test_export_is_a_csv_without_tokens_and_without_formulas(client, trainer, site):
    member = subscriber(
        email="formula@example.org",
        name='=HYPERLINK("http://evil.example/","Click")',
        organisation="+SUM(A1:A9)",
    )
    subscriber(email="at@example.org", name="@cmd", organisation="-2+3")
    subscriber(email="plain@example.org", name="Anna", organisation="Bibliotēka")

    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "libri-subscribers.csv" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 4
    cells = {cell for row in rows[1:] for cell in row}
    assert '\'=HYPERLINK("http://evil.example/","Click")' in cells
    assert {"'+SUM(A1:A9)", "'@cmd", "'-2+3", "Anna", "Bibliotēka"} <= cells
    assert not any(cell[:1] in "=+-@" for cell in cells if cell)
    assert manage_token(member) not in body
    assert manage_token(member).split(":")[0] not in body
    assert "token" not in rows[0][0].lower() and all(
        "token" not in heading.lower() for heading in rows[0]
    )


@pytest.mark.parametrize(
    "who", ["anonymous", "not staff", "editor without subscriber rights"]
)
def test_others_cannot_see_deliveries_or_export(client, member, who):
    if who == "not staff":
        client.force_login(user_with(username="reader"))
    elif who == "editor without subscriber rights":
        client.force_login(user_with("access_admin", username="editor"))
    for url in (deliveries_url(member), EXPORT_URL):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/")
        assert member.email not in response.content.decode()
