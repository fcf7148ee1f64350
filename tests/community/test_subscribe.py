"""Double opt-in: a request mails a link; only the link's owner makes a subscriber."""

import re

from django.core import mail

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from community.models import ConsentEvent, Subscriber, email_hash
from community.tokens import confirmation_token
from home.models import Topic
from tests.factories.community import subscribe_pages, subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site):
    return subscribe_pages(site)


@pytest.fixture
def topics():
    return [
        Topic.objects.create(name="Hakatoni", slug="hackathons", name_en="Hackathons"),
        Topic.objects.create(name="Partnerības", slug="partnerships"),
    ]


def form_data(**overrides):
    data = {
        "email": "Biblioteka@Example.org",
        "name": "Ogres Centrālā bibliotēka",
        "organisation": "Ogres Centrālā bibliotēka",
        "language": "lv",
        "frequency": "weekly",
        "consent": "on",
    }
    return {**data, **overrides}


def confirm_link(message):
    return re.search(r"https?://\S+/community/confirm/\S+/", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_request_mails_a_link_and_stores_no_subscriber(
    client, pages, topics, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            pages["lv"].url, form_data(topics=[topics[0].pk]), follow=False
        )
    assert response.status_code == 200
    assert "Biblioteka@Example.org" in response.content.decode()
    assert Subscriber.objects.count() == 0
    (message,) = mail.outbox
    assert message.to == ["Biblioteka@Example.org"]
    assert "LIBRI" in message.subject
    assert message.alternatives[0][1] == "text/html"
    event = ConsentEvent.objects.get()
    assert event.action == "requested" and event.source == "form"
    assert event.email_hash == email_hash("biblioteka@example.org")


def test_confirming_from_the_link_creates_the_subscriber(
    client, pages, topics, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(pages["en"].url, form_data(language="uk", topics=[topics[0].pk]))
    link = path_of(confirm_link(mail.outbox[0]))

    page = client.get(link)
    assert page.status_code == 200
    assert Subscriber.objects.count() == 0  # a mail scanner's GET confirms nothing

    response = client.post(link)
    assert response.status_code == 302
    member = Subscriber.objects.get()
    assert (member.email, member.language, member.frequency, member.status) == (
        "Biblioteka@Example.org",
        "uk",
        "weekly",
        "active",
    )
    assert list(member.topics.all()) == [topics[0]]
    assert "/uk/community/preferences/" in response["Location"]
    assert [e.action for e in member.consent_events.all()] == ["confirmed"]


def test_resubscribing_updates_instead_of_duplicating(client, pages, topics):
    member = subscriber(email="biblioteka@example.org", frequency="monthly")
    token = confirmation_token(
        {
            **form_data(email="BIBLIOTEKA@example.org", frequency="weekly"),
            "topics": [topics[1].pk],
        }
    )
    client.post(f"/lv/community/confirm/{token}/")
    assert Subscriber.objects.count() == 1
    member.refresh_from_db()
    assert member.frequency == "weekly"
    assert list(member.topics.all()) == [topics[1]]


def test_the_form_does_not_reveal_who_is_subscribed(client, pages):
    subscriber(email="known@example.org")
    known = client.post(pages["lv"].url, form_data(email="known@example.org"))
    unknown = client.post(pages["lv"].url, form_data(email="unknown@example.org"))

    def without_address(response):
        html = response.content.decode()
        return html.replace("unknown@example.org", "@").replace(
            "known@example.org", "@"
        )

    assert known.status_code == unknown.status_code == 200
    assert without_address(known) == without_address(unknown)


@pytest.mark.parametrize(
    "overrides",
    [
        {"email": "not-an-address"},
        {"email": ""},
        {"consent": ""},
        {"language": "de"},
        {"frequency": "daily"},
        {"topics": ["999999"]},
        {"topics": ["abc"]},
        {"name": "x" * 500},
    ],
)
def test_bad_input_gets_a_form_error_and_changes_nothing(client, pages, overrides):
    response = client.post(pages["lv"].url, form_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    error_id = re.search(r'<p class="field__error" id="([^"]+)"', html).group(1)
    assert re.search(rf'aria-describedby="[^"]*{error_id}[^"]*"', html)
    assert ConsentEvent.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    "token",
    ["", "garbage", "a" * 3000, "eyJlbWFpbCI6IngifQ:1abc:forged"],
)
def test_forged_or_broken_confirmation_links_are_refused(client, site, token):
    if not token:
        assert client.get("/lv/community/confirm//").status_code == 404
        return
    response = client.post(f"/lv/community/confirm/{token}/")
    assert response.status_code == 400
    assert Subscriber.objects.count() == 0


def test_expired_confirmation_link_is_refused(client, site, settings):
    token = confirmation_token({**form_data(), "topics": []})
    # A link signed with the old key no longer verifies, like an expired one.
    settings.SECRET_KEY = "another-key"
    assert client.post(f"/lv/community/confirm/{token}/").status_code == 400
    assert Subscriber.objects.count() == 0


def test_requests_are_rate_limited_per_address(
    client, pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            client.post(pages["lv"].url, form_data()).status_code for _ in range(4)
        ]
    assert statuses == [200, 200, 200, 429]
    assert len(mail.outbox) == 3


def test_requests_are_rate_limited_per_client(client, pages):
    statuses = [
        client.post(pages["lv"].url, form_data(email=f"x{n}@example.org")).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


FORM_KEYS = st.sampled_from(
    ["email", "name", "organisation", "language", "topics", "frequency", "consent", "x"]
)
FORM_VALUES = st.text(max_size=300) | st.lists(st.text(max_size=20), max_size=5)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.dictionaries(FORM_KEYS, FORM_VALUES, max_size=8))
def test_any_form_input_gets_an_answer_never_a_server_error(client, pages, data):
    clean = {
        key: [v.replace("\x00", "") for v in value]
        if isinstance(value, list)
        else value.replace("\x00", "")
        for key, value in data.items()
    }
    response = client.post(pages["lv"].url, clean)
    assert response.status_code in (200, 400, 429)
    assert Subscriber.objects.count() == 0
