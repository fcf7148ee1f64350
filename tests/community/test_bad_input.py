"""Bad input on the subscribe form, the preference page and the signed links.

Whatever arrives, the answer is a form error or a 4xx with a reason, never a
server error; a refused request stores nothing and mails nothing.
"""

import time
from urllib.parse import quote

from django.core import mail
from django.core.signing import TimestampSigner

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from community.models import ConsentEvent, Subscriber
from community.tokens import confirmation_token, manage_token
from tests.factories.community import subscribe_pages, subscriber

pytestmark = pytest.mark.django_db

HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
VALID = {
    "email": "anna@example.org",
    "name": "Anna Bērziņa",
    "organisation": "Ogres bibliotēka",
    "language": "lv",
    "frequency": "weekly",
    "consent": "on",
}
HEADER_INJECTIONS = [
    "anna@example.org\r\nBcc: all@example.org",
    "anna@example.org\nSubject: hi",
    "anna@example.org\rX: y",
    "anna@example.org%0d%0aBcc:all@example.org",
    "anna@example.org\x00",
    "Anna <anna@example.org>, eve@example.org",
    "anna@example.org, eve@example.org",
    "anna@exam\u202eple.org",  # right-to-left override
    "anna\u200b@example.org",  # zero-width space
    "anna＠example.org",  # fullwidth at sign
    "x" * 250 + "@example.org",  # over 254 characters
    "anna@" + "a" * 64 + ".org",  # a DNS label over 63 characters
    "",
    "@",
    "anna@",
]
BAD_NAMES = [
    "Anna\r\nBcc: all@example.org",
    "Anna\nBērziņa",
    "Anna\x00",
    "Anna\u202eanaB",  # direction override: reads as something else
    "An\u200bna",  # zero-width space
    "Anna\x1b[31m",  # terminal escape
    "A" * 201,  # over both fields' limits
]


@pytest.fixture
def page(site):
    return subscribe_pages(site)["lv"]


@pytest.fixture
def member(site):
    return subscriber(email="member@example.org", language="en")


def nothing_changed():
    return (
        Subscriber.objects.count() == 0
        and ConsentEvent.objects.count() == 0
        and mail.outbox == []
    )


@pytest.mark.parametrize("email", HEADER_INJECTIONS)
def test_invalid_and_header_injecting_addresses_are_refused(client, page, email):
    response = client.post(page.url, {**VALID, "email": email})
    assert response.status_code == 400
    assert 'class="field__error"' in response.content.decode()
    assert nothing_changed()


@pytest.mark.parametrize("field", ["name", "organisation"])
@pytest.mark.parametrize("value", BAD_NAMES)
def test_names_with_line_breaks_or_invisible_characters_are_refused(
    client, page, field, value
):
    response = client.post(page.url, {**VALID, field: value})
    assert response.status_code == 400
    assert 'class="field__error"' in response.content.decode()
    assert nothing_changed()


def test_a_decomposed_name_is_stored_composed(
    client, page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, {**VALID, "name": "Be\u0304rzin\u0327a"})
    assert response.status_code == 200
    token = mail.outbox[0].body.split("/confirm/")[1].split("/")[0]
    client.post(f"/lv/community/confirm/{token}/")
    assert Subscriber.objects.get().name == "Bērziņa"


@pytest.mark.parametrize("url", ["subscribe", "preferences"])
def test_an_oversized_request_is_refused(client, page, member, url):
    target = page.url if url == "subscribe" else preferences_url(member)
    response = client.post(target, {**VALID, "name": "x" * 3_000_000})
    assert response.status_code == 400
    member.refresh_from_db()
    assert (member.language, member.status) == ("en", "active")
    assert ConsentEvent.objects.count() == 0
    assert mail.outbox == []


FORM_KEYS = st.sampled_from([*VALID, "topics", "csrfmiddlewaretoken", "x"])
NASTY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400
) | st.sampled_from(HEADER_INJECTIONS + BAD_NAMES)
FORM_VALUES = NASTY_TEXT | st.lists(NASTY_TEXT, max_size=4)


@HYPOTHESIS
@given(data=st.dictionaries(FORM_KEYS, FORM_VALUES, max_size=9))
def test_any_subscribe_input_gets_an_answer_and_refusals_change_nothing(
    client, page, data
):
    before = (ConsentEvent.objects.count(), len(mail.outbox))
    response = client.post(page.url, data)
    assert response.status_code in (200, 400, 429)
    assert Subscriber.objects.count() == 0  # only a confirmed link makes one
    if response.status_code != 200:
        assert (ConsentEvent.objects.count(), len(mail.outbox)) == before
    for message in mail.outbox:
        (address,) = message.to
        assert not set(address) & {"\r", "\n", "\x00", ","}


PREFERENCE_KEYS = st.sampled_from(["language", "topics", "frequency", "action", "x"])
PREFERENCE_VALUES = (
    NASTY_TEXT
    | st.sampled_from(["save", "pause", "resume", "unsubscribe", "download", "en"])
    | st.lists(NASTY_TEXT | st.integers().map(str), max_size=4)
)


def preferences_url(member):
    return f"/en/community/preferences/{manage_token(member)}/"


@HYPOTHESIS
@given(data=st.dictionaries(PREFERENCE_KEYS, PREFERENCE_VALUES, max_size=5))
def test_any_preference_input_gets_an_answer_and_refusals_change_nothing(
    client, member, data
):
    assume(data.get("action") != "erase")
    before = Subscriber.objects.values().get(pk=member.pk)
    events = ConsentEvent.objects.count()
    response = client.post(preferences_url(member), data)
    assert response.status_code in (200, 400)
    after = Subscriber.objects.values().get(pk=member.pk)
    if response.status_code == 400:
        assert after == before
        assert ConsentEvent.objects.count() == events
    assert after["language"] in {"lv", "en", "uk", "ru"}
    assert after["frequency"] in {"weekly", "monthly"}


TOKENS = st.text(max_size=300) | st.sampled_from(
    ["garbage", "a" * 3000, "eyJzIjoxLCJ2IjoxfQ:1vabc:forged", "..", "%00"]
)


@HYPOTHESIS
@given(token=TOKENS, method=st.sampled_from(["get", "post"]))
def test_any_link_token_is_refused_without_a_server_error(
    client, member, token, method
):
    for prefix in ("/unsubscribe/", "/en/community/preferences/"):
        response = getattr(client, method)(prefix + quote(token, safe="") + "/")
        assert response.status_code in (400, 404)
    response = getattr(client, method)(
        f"/en/community/confirm/{quote(token, safe='')}/"
    )
    assert response.status_code in (400, 404)
    member.refresh_from_db()
    assert member.status == "active"
    assert ConsentEvent.objects.count() == 0
    assert Subscriber.objects.count() == 1


@HYPOTHESIS
@given(position=st.integers(min_value=0), replacement=st.characters(codec="ascii"))
def test_a_tampered_link_is_refused(client, member, position, replacement):
    token = manage_token(member)
    position %= len(token)
    tampered = token[:position] + replacement + token[position + 1 :]
    assume(tampered != token and replacement != "/")
    response = client.post(f"/unsubscribe/{quote(tampered, safe='')}/")
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.status == "active"


def test_an_expired_confirmation_link_is_refused(client, site, monkeypatch):
    four_days_ago = time.time() - 4 * 24 * 3600
    monkeypatch.setattr(TimestampSigner, "timestamp", lambda self: _b62(four_days_ago))
    token = confirmation_token({**VALID, "topics": []})
    monkeypatch.undo()
    assert client.get(f"/lv/community/confirm/{token}/").status_code == 400
    assert client.post(f"/lv/community/confirm/{token}/").status_code == 400
    assert Subscriber.objects.count() == 0


def test_a_link_for_an_erased_member_is_refused(client, member):
    token = manage_token(member)
    client.post(f"/en/community/preferences/{token}/", {"action": "erase"})
    assert client.post(f"/unsubscribe/{token}/").status_code == 400
    assert client.get(f"/en/community/preferences/{token}/").status_code == 400


def _b62(seconds):
    from django.core.signing import b62_encode

    return b62_encode(int(seconds))
