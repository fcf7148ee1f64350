"""The preference page and one-click unsubscribe, reached from signed links."""

from django.test import Client

import pytest

from community.models import ConsentEvent, Subscriber
from community.tokens import manage_token
from home.models import Topic
from tests.factories.community import subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(site):
    return subscriber(language="en")


def actions(member):
    return [event.action for event in ConsentEvent.objects.filter(subscriber=member)]


def test_member_changes_topics_frequency_and_language(client, member):
    topic = Topic.objects.create(name="Hakatoni", slug="hackathons")
    url = f"/en/community/preferences/{manage_token(member)}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"language": "ru", "frequency": "weekly", "topics": [topic.pk]}
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert (member.language, member.frequency) == ("ru", "weekly")
    assert list(member.topics.all()) == [topic]
    assert actions(member) == ["preferences"]


def test_member_pauses_resumes_and_unsubscribes(client, member):
    url = f"/en/community/preferences/{manage_token(member)}/"
    for action, status in [
        ("pause", "paused"),
        ("resume", "active"),
        ("unsubscribe", "unsubscribed"),
    ]:
        client.post(url, {"action": action})
        member.refresh_from_db()
        assert member.status == status
    assert actions(member) == ["paused", "resumed", "unsubscribed"]


def test_unknown_action_and_bad_values_change_nothing(client, member):
    url = f"/en/community/preferences/{manage_token(member)}/"
    assert client.post(url, {"action": "delete-everyone"}).status_code == 400
    assert (
        client.post(url, {"language": "xx", "frequency": "weekly"}).status_code == 400
    )
    member.refresh_from_db()
    assert (member.language, member.status) == ("en", "active")
    assert actions(member) == []


def test_a_link_for_one_member_cannot_reach_another(client, member):
    other = subscriber(email="other@example.org")
    token = manage_token(member)
    response = client.post(f"/en/community/preferences/{token}/", {"action": "pause"})
    assert response.status_code == 200
    other.refresh_from_db()
    assert other.status == "active"


def test_revoked_link_no_longer_works(client, member):
    token = manage_token(member)
    Subscriber.objects.filter(pk=member.pk).update(token_version=2)
    assert client.get(f"/en/community/preferences/{token}/").status_code == 400
    assert client.post(f"/unsubscribe/{token}/").status_code == 400


def test_one_click_unsubscribe_needs_no_cookie_or_csrf_token(member):
    browserless = Client(enforce_csrf_checks=True)
    url = f"/unsubscribe/{manage_token(member)}/"
    response = browserless.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.status == "unsubscribed"
    assert 'lang="en"' in response.content.decode()


def test_one_click_unsubscribe_is_idempotent(client, member):
    url = f"/unsubscribe/{manage_token(member)}/"
    assert client.post(url).status_code == 200
    assert client.post(url).status_code == 200
    assert actions(member) == ["unsubscribed"]
    assert ConsentEvent.objects.get().source == "one-click"


def test_get_of_the_unsubscribe_link_changes_nothing(client, member):
    response = client.get(f"/unsubscribe/{manage_token(member)}/")
    assert response.status_code == 200
    assert '<form method="post">' in response.content.decode()
    member.refresh_from_db()
    assert member.status == "active"


def test_consent_log_is_append_only(member):
    client = Client()
    client.post(f"/unsubscribe/{manage_token(member)}/")
    event = ConsentEvent.objects.get()
    event.action = "confirmed"
    with pytest.raises(ValueError):
        event.save()


def test_member_downloads_their_data(client, member):
    client.post(f"/unsubscribe/{manage_token(member)}/")
    response = client.post(
        f"/en/community/preferences/{manage_token(member)}/", {"action": "download"}
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = response.json()
    assert data["email"] == member.email
    assert [event["action"] for event in data["consent_log"]] == ["unsubscribed"]


def test_member_erases_their_data_and_the_log_keeps_only_a_hash(client, member):
    token = manage_token(member)
    response = client.post(f"/en/community/preferences/{token}/", {"action": "erase"})
    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=member.pk).exists()
    event = ConsentEvent.objects.get()
    assert (event.action, event.subscriber) == ("erased", None)
    assert event.email_hash
    assert member.email not in str(ConsentEvent.objects.values())
    assert client.get(f"/en/community/preferences/{token}/").status_code == 400
