"""Every public form and endpoint, fed free input by Hypothesis: never a server error.

One test per endpoint family; together they send over 10,000 inputs (counted, and
checked by the last test). The strategies of the subscription fuzz tests
(tests/community/test_bad_input.py) are the base: Unicode from every plane, control
and invisible characters, header injections, very long strings, odd keys.
Examples are fixed (derandomized) so that a run is repeatable; rate limits are off
so that every input reaches the view rather than a 429.
"""

from collections import Counter
from datetime import timedelta
from urllib.parse import quote, urlencode

from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from community.tokens import manage_token
from tests.community.test_bad_input import (
    NASTY_TEXT,
    PREFERENCE_KEYS,
    PREFERENCE_VALUES,
    TOKENS,
    VALID,
    preferences_url,
)
from tests.factories import resources
from tests.factories.community import subscribe_pages, subscriber
from tests.factories.courses import catalogue, check_ids, course, lesson
from tests.factories.initiatives import initiative, initiative_map
from tests.factories.learning import learner
from tests.factories.pages import build_site

pytestmark = pytest.mark.django_db

EXAMPLES = 670  # per test: 15 tests send at least 10,050 inputs (two send two each)
MINIMUM_INPUTS = 10_000
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
SENT = Counter()  # inputs sent, per test

LONG_TEXT = st.text(min_size=1, max_size=8).map(lambda text: text * 1000)
CONTROL_TEXT = st.text(
    alphabet=st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), max_size=40
)
VALUE = NASTY_TEXT | LONG_TEXT | CONTROL_TEXT | st.integers().map(str)
VALUES = VALUE | st.lists(VALUE, max_size=3)
ODD_KEYS = st.text(max_size=40) | CONTROL_TEXT
# A raw query string, percent signs and separators included, as a client may send.
RAW_QUERY = st.text(alphabet=st.characters(codec="ascii"), max_size=200)


def fields(*known):
    """Form or query fields: the endpoint's own names, odd ones, any values."""
    return st.dictionaries(st.sampled_from(known) | ODD_KEYS, VALUES, max_size=6)


def answered(name, response):
    """The response was no server error; counts the input."""
    SENT[name] += 1
    assert response.status_code < 500, response.status_code
    return response


def get(client, name, path, params, raw=""):
    query = "&".join(part for part in (urlencode(params, doseq=True), raw) if part)
    return answered(name, client.get(f"{path}?{query}" if query else path))


def post(client, name, path, data):
    return answered(
        name,
        client.post(
            path,
            urlencode(data, doseq=True),
            content_type="application/x-www-form-urlencoded",
        ),
    )


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    settings.RATELIMIT_ENABLE = False
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture
def homes(db):
    return build_site()


@pytest.fixture(autouse=True)
def sends_every_example(request):
    """A fuzz test must have sent an input for each of its examples."""
    before = sum(SENT.values())
    yield
    if hasattr(request.function, "hypothesis"):
        assert sum(SENT.values()) - before >= EXAMPLES


@pytest.fixture
def signed_in(client, homes):
    client.force_login(learner())
    return client


@pytest.fixture
def subscribe_page(homes):
    return subscribe_pages(homes)["lv"]


@pytest.fixture
def member(homes):
    return subscriber()


@pytest.fixture
def a_lesson(homes):
    return lesson(course(catalogue(homes["lv"])))


@FUZZ
@given(data=fields(*VALID, "topics"))
def test_subscription_form(client, subscribe_page, data):
    post(client, "subscribe", subscribe_page.url, data)


@FUZZ
@given(data=st.dictionaries(PREFERENCE_KEYS | ODD_KEYS, PREFERENCE_VALUES | VALUES))
def test_preferences_form(client, member, data):
    if data.get("action") == "erase":
        data["action"] = "save"  # erasing would leave no member for the next input
    post(client, "preferences", preferences_url(member), data)


@FUZZ
@given(token=TOKENS, valid=st.booleans(), data=fields("List-Unsubscribe"))
def test_one_click_unsubscribe(client, member, token, valid, data):
    token = manage_token(member) if valid else quote(token, safe="") or "x"
    data.setdefault("List-Unsubscribe", "One-Click")
    post(client, "unsubscribe", f"/unsubscribe/{token}/", data)


@FUZZ
@given(
    path=st.sampled_from(["/lv/search/", "/en/search/autocomplete/"]),
    params=fields("query", "type", "topic", "lang", "page"),
    raw=RAW_QUERY,
)
def test_search_and_autocomplete(client, homes, path, params, raw):
    get(client, "search", path, params, raw)


@FUZZ
@given(data=fields("login", "password", "remember", "next"))
def test_sign_in_form(client, homes, data):
    post(client, "sign in", "/lv/accounts/login/", data)


@FUZZ
@given(
    data=fields(
        "email",
        "password1",
        "password2",
        "full_name",
        "organisation",
        "preferred_language",
    )
)
def test_sign_up_form(client, homes, data):
    post(client, "sign up", "/lv/accounts/signup/", data)


@FUZZ
@given(code=NASTY_TEXT | LONG_TEXT, params=fields("code"), raw=RAW_QUERY)
def test_certificate_lookup(client, homes, code, params, raw):
    get(client, "certificates", "/lv/certificates/", params, raw)
    get(client, "certificates", f"/lv/certificates/{quote(code, safe='') or 'x'}/", {})


@FUZZ
@given(data=st.data())
def test_knowledge_check_answers(signed_in, a_lesson, data):
    check_id, questions = check_ids(a_lesson)
    question_ids = [question_id for question_id, _ in questions.values()]
    answer_ids = [a for _, answers in questions.values() for a in answers.values()]
    form = data.draw(fields(*[f"q-{q}" for q in question_ids], "check"))
    if data.draw(st.booleans()):
        form["check"] = check_id
        for question_id in question_ids:
            form[f"q-{question_id}"] = data.draw(st.lists(st.sampled_from(answer_ids)))
    post(signed_in, "knowledge check", a_lesson.url, form)


@FUZZ
@given(page_id=st.integers(min_value=-1, max_value=2**63), data=fields("next"))
def test_lesson_completion(signed_in, a_lesson, page_id, data):
    page_id = a_lesson.pk if page_id % 4 == 0 else page_id
    post(signed_in, "completion", f"/lv/learning/lessons/{page_id}/complete/", data)


@pytest.fixture
def past_webinar(homes):
    return resources.past_webinar(resources.webinar_index(homes["lv"]))


@FUZZ
@given(page_id=st.integers(min_value=-1, max_value=2**63), data=fields("next"))
def test_webinar_followed(signed_in, past_webinar, page_id, data):
    page_id = past_webinar.pk if page_id % 4 == 0 else page_id
    post(signed_in, "webinar", f"/lv/learning/webinars/{page_id}/followed/", data)


@FUZZ
@given(data=fields("full_name", "preferred_language", "organisation"))
def test_profile_form(signed_in, data):
    post(signed_in, "profile", "/lv/learning/profile/", data)


@pytest.fixture
def map_page(homes):
    page = initiative_map(homes["lv"])
    initiative(page, languages=("lv", "uk"))
    return page


@FUZZ
@given(
    suffix=st.sampled_from(["", "geojson/"]),
    params=fields("type", "language", "page"),
    raw=RAW_QUERY,
)
def test_map_filters(client, map_page, suffix, params, raw):
    get(client, "map", map_page.url + suffix, params, raw)


@pytest.fixture
def listings(homes):
    """The practices, tools and phrasebook pages, each with something to list."""
    practices = resources.practice_index(homes["lv"])
    resources.practice(practices)
    tools = resources.tool_index(homes["lv"])
    resources.tool(tools)
    phrasebook = resources.phrasebook(tools, phrases=[resources.phrase()])
    return [practices.url, tools.url, phrasebook.url]


@FUZZ
@given(
    which=st.integers(min_value=0, max_value=2),
    params=fields("country", "group", "topic", "page", "visitor", "q"),
    raw=RAW_QUERY,
)
def test_practice_and_tool_filters(client, listings, which, params, raw):
    get(client, "listings", listings[which], params, raw)


@pytest.fixture
def webinars(homes):
    index = resources.webinar_index(homes["lv"])
    upcoming = resources.webinar(index, start=timezone.now() + timedelta(days=3))
    return [index.url, index.url + "feed/", upcoming.url + "ics/"]


@FUZZ
@given(
    which=st.integers(min_value=0, max_value=2),
    params=fields("topic", "page"),
    raw=RAW_QUERY,
)
def test_webinar_calendar_and_listing(client, webinars, which, params, raw):
    get(client, "calendar", webinars[which], params, raw)


@FUZZ
@given(section=NASTY_TEXT | st.sampled_from(["lv", "en", "uk", "ru"]), raw=RAW_QUERY)
def test_sitemaps(client, homes, section, raw):
    get(client, "sitemap", "/sitemap.xml", {}, raw)
    get(client, "sitemap", f"/sitemap-{quote(section, safe='')}.xml", {}, raw)


def test_the_fuzz_tests_send_ten_thousand_inputs_in_all():
    """Each fuzz test sends at least EXAMPLES inputs (checked as it ends), so the
    file sends EXAMPLES times their number; whichever process runs them."""
    fuzz_tests = [name for name in globals() if name.startswith("test_")][:-1]
    assert EXAMPLES * len(fuzz_tests) >= MINIMUM_INPUTS
