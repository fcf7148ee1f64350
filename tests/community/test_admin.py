"""Trainers' digest screens in the Wagtail admin: who may use them, and what they do."""

from datetime import timedelta

from django.contrib.auth.models import Permission, User
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest

from community.models import DigestRun
from tests.factories.community import subscriber
from tests.factories.pages import content_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(client):
    user = User.objects.create_user("trainer", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_digestrun"),
    )
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def test_trainer_sees_runs_and_sends_now(client, site, trainer):
    member = subscriber(frequency="monthly", confirmed_at=timezone.now() - timedelta(1))
    content_page(site["lv"], title="Jaunums")
    assert client.get("/admin/community/digests/").status_code == 200
    response = client.post("/admin/community/digests/send/", {"frequency": "monthly"})
    assert response.status_code == 302
    assert DigestRun.objects.get().frequency == "monthly"
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_bad_frequency_is_refused_with_a_message(client, site, trainer):
    response = client.post(
        "/admin/community/digests/send/", {"frequency": "daily"}, follow=True
    )
    with translation.override("lv"):  # the admin speaks the site's default language
        assert gettext("Choose weekly or monthly.") in response.content.decode()
    assert DigestRun.objects.count() == 0


def test_trainer_previews_a_members_digest(client, site, trainer):
    member = subscriber(language="lv", confirmed_at=timezone.now() - timedelta(1))
    content_page(site["lv"], title="Jaunums priekšskatam")
    response = client.get(f"/admin/community/digests/preview/{member.pk}/")
    assert response.status_code == 200
    assert "Jaunums priekšskatam" in response.content.decode()
    assert mail.outbox == []


def test_other_admin_users_cannot_use_the_digest_screens(client, site, editor):
    """Wagtail turns the refusal into a redirect to the dashboard with a message."""
    member = subscriber()
    responses = [
        client.get("/admin/community/digests/"),
        client.post("/admin/community/digests/send/", {"frequency": "weekly"}),
        client.get(f"/admin/community/digests/preview/{member.pk}/"),
    ]
    assert [(r.status_code, r["Location"]) for r in responses] == [(302, "/admin/")] * 3
    assert DigestRun.objects.count() == 0
    assert mail.outbox == []
