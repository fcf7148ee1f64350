"""Webinars: tree rules, the index, joining, recordings, calendars, bad input."""

import socket
from datetime import UTC, datetime, timedelta
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from home.models import HomePage, Topic
from resources.models import HandbookPage, WebinarIndexPage, WebinarPage
from resources.models.webinars import WebinarPageTopic
from tests.factories.pages import LANGUAGES, build_site
from tests.factories.resources import (
    document,
    past_webinar,
    translations,
    webinar,
    webinar_index,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def setUp(self):
        self.homes = build_site()

    def test_index_lives_under_home_and_holds_webinars(self):
        self.assertAllowedParentPageTypes(WebinarIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WebinarIndexPage, {WebinarPage})
        self.assertCanCreateAt(HomePage, WebinarIndexPage)
        self.assertCanNotCreateAt(Page, WebinarIndexPage)
        self.assertCanNotCreateAt(WebinarIndexPage, WebinarIndexPage)

    def test_webinar_lives_in_the_index_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(WebinarPage, {WebinarIndexPage})
        self.assertAllowedSubpageTypes(WebinarPage, set())
        self.assertCanCreateAt(WebinarIndexPage, WebinarPage)
        self.assertCanNotCreateAt(HomePage, WebinarPage)
        self.assertCanNotCreateAt(HandbookPage, WebinarPage)

    def test_webinar_pages_are_renderable(self):
        index = webinar_index(self.homes["lv"])
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(webinar(index))
        self.assertPageIsRenderable(past_webinar(index))

    def test_webinar_pages_are_previewable(self):
        self.login()
        index = webinar_index(self.homes["lv"])
        self.assertPageIsPreviewable(
            index, post_data={"title": index.title, "slug": index.slug, "intro": ""}
        )
        page = webinar(index)
        form = {
            "title": page.title,
            "slug": page.slug,
            "start": "2030-01-02 14:00",
            "duration": "60",
            "summary": "",
            "description": rich_text("<p>Par ko.</p>"),
            "speakers": streamfield([]),
            "topics": "",
            "join_url": "",
            "join_instructions": "",
            "recording_url": "",
            "chapters": streamfield([]),
            "transcript": rich_text(""),
        }
        self.assertPageIsPreviewable(page, post_data=nested_form_data(form))


def get(client, url, data=None):
    response = client.get(url, data or {})
    assert response.status_code == 200, (url, data, response.status_code)
    return response


def get_html(client, url, data=None):
    return get(client, url, data).content.decode()


def tag(page, slug, name=None):
    topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name or slug})
    WebinarPageTopic.objects.create(content_object=page, tag=topic)
    return topic


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_index_and_webinars_render_in_each_language(client, site, language):
    index = translations(webinar_index(site["lv"]), site)
    upcoming = webinar(index["lv"], title="Nākamais")
    past = past_webinar(index["lv"], title="Pagājušais", transcript="<p>Teksts.</p>")
    upcoming = translations(upcoming, site, start=upcoming.start)
    past = translations(past, site, start=past.start, transcript="<p>Text.</p>")
    for page in (index[language], upcoming[language], past[language]):
        html = get_html(client, page.url)
        assert f'<html lang="{language}">' in html
        assert html.count("<h1") == 1
        assert page.title in html


@pytest.fixture
def index(site):
    return webinar_index(site["en"], title="Webinars")


@pytest.mark.django_db
def test_index_lists_upcoming_in_date_order_then_past_latest_first(client, index):
    now = timezone.now()
    webinar(index, title="Next month", start=now + timedelta(days=30))
    webinar(index, title="Next week", start=now + timedelta(days=7))
    past_webinar(index, title="Last year", days_ago=365)
    past_webinar(index, title="Last month", days_ago=30)
    response = get(client, index.url)
    titles = [page.title for page in response.context["webinars"]]
    assert titles == ["Next week", "Next month", "Last month", "Last year"]
    html = response.content.decode()
    assert html.index("Upcoming webinars") < html.index("Next week")
    assert html.index("Next month") < html.index("Past webinars")
    assert html.index("Past webinars") < html.index("Last month")


@pytest.mark.django_db
def test_running_webinar_still_counts_as_upcoming(client, index):
    running = webinar(index, start=timezone.now() - timedelta(minutes=10), duration=60)
    assert running.is_upcoming
    html = get_html(client, running.url)
    assert "How to join" in html


@pytest.mark.django_db
def test_remembered_cards_give_way_when_a_webinar_ends(client, index, private_cache):
    """A page of cards is remembered until a webinar on it ends: then it is past."""
    now = timezone.now()
    webinar(index, title="Tomorrow", start=now + timedelta(days=1))
    webinar(index, title="Next week", start=now + timedelta(days=7))
    titles = [page.title for page in get(client, index.url).context["webinars"]]
    assert titles == ["Tomorrow", "Next week"]
    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(days=2)):
        html = get_html(client, index.url)
    past = html.index("Past webinars")
    assert html.index("Next week") < past < html.index("Tomorrow")


@pytest.mark.django_db
def test_index_paginates_by_twelve(client, index):
    for number in range(14):
        webinar(
            index, title=f"W{number}", start=timezone.now() + timedelta(days=number + 1)
        )
    first = get(client, index.url).context["webinars"]
    second = get(client, index.url, {"page": "2"}).context["webinars"]
    assert len(first) == 12 and len(second) == 2
    assert second[0].title == "W12"


@pytest.mark.django_db
def test_index_filters_by_topic(client, index):
    families = webinar(index, title="Families")
    tag(families, "children-youth-families", "Bērni, jaunieši un ģimenes")
    other = webinar(index, title="Obstacles")
    tag(other, "intercultural-communication")
    response = get(client, index.url, {"topic": "children-youth-families"})
    assert [page.title for page in response.context["webinars"]] == ["Families"]
    html = response.content.decode()
    assert '<option value="children-youth-families" selected>' in html


@pytest.mark.django_db
def test_cards_show_their_topics_in_the_order_they_were_tagged(client, index):
    page = webinar(index, title="Tagged")
    tag(page, "zeta", "Zeta")
    tag(page, "alpha", "Alpha")
    html = get_html(client, index.url)
    assert html.index("<li>Zeta</li>") < html.index("<li>Alpha</li>")


@pytest.mark.django_db
def test_remembered_count_and_topics_give_way_to_publishing(client, index):
    for number in range(12):
        webinar(index, title=f"W{number}", start=timezone.now() + timedelta(days=1))
    before = get(client, index.url).context
    assert before["webinars"].paginator.num_pages == 1
    assert before["topics"] == []
    topic = Topic.objects.create(slug="hackathons", name="Hakatoni")
    added = webinar(
        index,
        title="Added",
        start=timezone.now() + timedelta(days=2),
        topic_items=[WebinarPageTopic(tag=topic)],
    )
    after = get(client, index.url).context
    assert after["webinars"].paginator.num_pages == 2
    assert after["topics"] == [topic]
    on_topic = get(client, index.url, {"topic": "hackathons"}).context["webinars"]
    assert [page.title for page in on_topic] == ["Added"]
    added.unpublish()
    gone = get(client, index.url).context
    assert gone["webinars"].paginator.num_pages == 1
    assert gone["topics"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "99999999999999999999"},
        {"topic": "no-such-topic"},
        {"topic": "x" * 5000, "page": "9" * 5000},
        {"topic": "\x00"},
    ],
)
def test_bad_query_strings_get_a_page(client, index, query):
    webinar(index)
    assert client.get(index.url, query).status_code == 200


QUERY_VALUES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300
)


@pytest.mark.django_db
@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(topic=QUERY_VALUES, page=QUERY_VALUES)
def test_any_query_string_gets_a_page_or_404_never_500(client, index, topic, page):
    response = client.get(index.url, {"topic": topic, "page": page})
    assert response.status_code in (200, 404)


@pytest.mark.django_db
def test_upcoming_webinar_shows_how_to_join(client, index):
    page = webinar(
        index,
        title="Children, youth and families",
        join_url="https://meet.example.org/libri-families",
        join_instructions="Any browser works.",
        transcript="",
    )
    html = get_html(client, page.url)
    assert "How to join" in html
    assert 'href="https://meet.example.org/libri-families"' in html
    assert "Any browser works." in html
    assert f'href="{page.url}ics/"' in html
    assert "Recording" not in html


@pytest.mark.django_db
def test_past_webinar_shows_transcript_and_no_join_link(client, index):
    page = past_webinar(
        index,
        join_url="https://meet.example.org/libri-old",
        transcript="<p>The community of practice joins 50 libraries.</p>",
    )
    html = get_html(client, page.url)
    assert "meet.example.org" not in html
    assert "How to join" not in html
    assert "The community of practice joins 50 libraries." in html
    assert "The recording is not available yet." in html


@pytest.mark.django_db
def test_start_is_shown_in_riga_time_with_its_zone(client, index):
    winter = webinar(index, start=datetime(2030, 1, 2, 12, 0, tzinfo=UTC))
    summer = webinar(index, start=datetime(2030, 7, 3, 11, 0, tzinfo=UTC))
    assert "14:00 EET" in get_html(client, winter.url)
    assert "14:00 EEST" in get_html(client, summer.url)
    shown = (
        '<time datetime="2030-01-02T14:00:00+02:00">'
        "Wednesday, Jan. 2, 2030, 14:00 EET</time>"
    )
    assert shown in get_html(client, winter.url)
    assert shown in get_html(client, index.url)


@pytest.mark.django_db
def test_uploaded_recording_plays_without_autoplay_with_captions_and_chapters(
    client, index, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    video = document("Recording", "recording.mp4")
    captions = document("Captions", "captions.vtt", b"WEBVTT\n")
    page = past_webinar(
        index,
        recording_file=video,
        captions=captions,
        chapters=[
            ("chapter", {"time": "12:30", "title": "Questions"}),
            ("chapter", {"time": "0", "title": "Welcome"}),
            ("chapter", {"time": "1:02:03", "title": "Close"}),
        ],
        transcript="<p>Welcome.</p>",
    )
    html = get_html(client, page.url)
    assert "<video" in html and "autoplay" not in html
    assert f'<track kind="captions" src="{captions.url}"' in html
    assert "resources/js/webinar-chapters.js" in html
    seeks = [
        f'href="{video.url}#t=0" data-seek="0"><time>0:00</time> Welcome',
        f'href="{video.url}#t=750" data-seek="750"><time>12:30</time> Questions',
        'data-seek="3723"><time>1:02:03</time> Close',
    ]
    positions = [html.index(seek) for seek in seeks]
    assert positions == sorted(positions)
    assert html.index("<video") < html.index("Transcript")


@pytest.mark.django_db
def test_audio_recording_uses_an_audio_player(client, index, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    page = past_webinar(index, recording_file=document("Audio", "talk.mp3"))
    html = get_html(client, page.url)
    assert "<audio" in html and "<video" not in html


@pytest.fixture
def only_loopback(monkeypatch):
    """Fail the test if anything connects anywhere but this machine."""
    real_connect = socket.socket.connect
    seen = []

    def connect(self, address):
        seen.append(address)
        if isinstance(address, tuple) and address[0] not in (
            "127.0.0.1",
            "::1",
            "localhost",
        ):
            raise AssertionError(f"network call to {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


@pytest.mark.django_db
def test_unreachable_embed_host_still_renders_with_a_link(
    client, index, settings, only_loopback, private_cache
):
    # An oEmbed provider whose endpoint is a closed port: the finder really asks.
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [
                {
                    "endpoint": "http://127.0.0.1:9/oembed",
                    "urls": [r"^http://127\.0\.0\.1:9/.*$"],
                }
            ],
        }
    ]
    page = past_webinar(
        index, recording_url="http://127.0.0.1:9/video", transcript="<p>Said.</p>"
    )
    html = get_html(client, page.url)
    assert 'href="http://127.0.0.1:9/video"' in html
    assert "Said." in html
    assert any(
        address[1] == 9 for address in only_loopback if isinstance(address, tuple)
    )
    # The failure is remembered: the next view does not wait for the host again.
    only_loopback.clear()
    get_html(client, page.url)
    assert not any(
        address[1] == 9 for address in only_loopback if isinstance(address, tuple)
    )


@pytest.mark.django_db
def test_embed_url_without_a_provider_renders_a_link(client, index, only_loopback):
    page = past_webinar(index, recording_url="http://127.0.0.1:9/video")
    html = get_html(client, page.url)
    assert 'href="http://127.0.0.1:9/video"' in html


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    assert b"\r\n" in body
    assert body.count(b"\n") == body.count(b"\r\n"), "every line ends with CRLF"
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    return Calendar.from_ical(body)


@pytest.mark.django_db
def test_webinar_ics_round_trips(client, index):
    start = datetime(2030, 3, 4, 12, 0, tzinfo=UTC)
    page = webinar(
        index,
        title="The needs of vulnerable users",
        start=start,
        duration=90,
        description="<p>How to recognise needs &amp; work together."
        + " x" * 60
        + "</p>",
        join_url="https://meet.example.org/libri-vulnerable",
    )
    response = client.get(f"{page.url}ics/")
    calendar = parse(response)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{page.translation_key}@webinars.libri"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert event.decoded("DTEND") == start + timedelta(minutes=90)
    assert "DTSTAMP" in event
    assert str(event["SUMMARY"]) == "The needs of vulnerable users"
    assert str(event["DESCRIPTION"]).startswith("How to recognise needs & work")
    assert "<p>" not in str(event["DESCRIPTION"])
    assert str(event["URL"]) == f"http://localhost{page.url}"
    assert b"DTSTART:20300304T120000Z" in response.content
    # The same webinar gives the same UID every time.
    again = Calendar.from_ical(client.get(f"{page.url}ics/").content)
    assert again.walk("VEVENT")[0]["UID"] == event["UID"]


@pytest.mark.django_db
def test_feed_holds_only_upcoming_webinars(client, index, site):
    soon = webinar(index, title="Soon", start=timezone.now() + timedelta(days=3))
    later = webinar(index, title="Later", start=timezone.now() + timedelta(days=40))
    past_webinar(index, title="Past")
    elsewhere = webinar_index(site["lv"])
    webinar(elsewhere, title="Latvian")
    draft = webinar(index, title="Draft")
    draft.unpublish()
    response = client.get(f"{index.url}feed/")
    events = parse(response).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Soon", "Later"]
    assert {str(event["UID"]) for event in events} == {
        f"{soon.translation_key}@webinars.libri",
        f"{later.translation_key}@webinars.libri",
    }
    for event, page in zip(events, (soon, later), strict=True):
        assert event.decoded("DTSTART") == page.start.replace(microsecond=0)


def count_queries(client, url, data=None):
    get(client, url, data)  # content changed: routes and menus are remembered anew
    with CaptureQueriesContext(connection) as queries:
        get(client, url, data)
    return len(queries)


@pytest.mark.django_db
def test_webinar_query_counts(
    client, index, django_assert_max_num_queries, private_cache
):
    upcoming = webinar(index)
    past = past_webinar(index, transcript="<p>Text.</p>")
    tag(upcoming, "hackathons")
    for url in (index.url, upcoming.url, past.url):
        get(client, url)  # warm Wagtail's site-root cache
    get(client, index.url, {"topic": "hackathons"})  # and the topic's count
    # Routing, header, footer and private sections are remembered (home/serving.py,
    # home/caching.py): a page is loaded in one query. The index's count, topics
    # in use and page of cards are remembered too (the cards until a webinar
    # ends); the .ics and the feed are routed afresh here.
    get(client, index.url, {"topic": "hackathons", "page": "2"})
    with django_assert_max_num_queries(1):
        get(client, index.url)
    with django_assert_max_num_queries(1):
        get(client, index.url, {"topic": "hackathons", "page": "2"})
    with django_assert_max_num_queries(3):
        get(client, upcoming.url)
    with django_assert_max_num_queries(3):
        get(client, past.url)
    with django_assert_max_num_queries(7):
        get(client, f"{upcoming.url}ics/")
    with django_assert_max_num_queries(7):
        get(client, f"{index.url}feed/")


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_more_webinars(client, index, private_cache):
    upcoming = webinar(index)
    tag(upcoming, "hackathons")
    past = past_webinar(index)
    urls = [
        (index.url, None),
        (index.url, {"topic": "hackathons"}),
        (upcoming.url, None),
    ]
    get(client, index.url)
    before = [count_queries(client, url, data) for url, data in urls]
    for number in range(8):
        added = webinar(index, title=f"Upcoming {number}")
        tag(added, "hackathons")
        tag(added, f"topic-{number}")
        past_webinar(index, title=f"Past {number}")
    get(client, index.url)  # publishing clears Wagtail's site-root cache
    after = [count_queries(client, url, data) for url, data in urls]
    assert after == before
    assert count_queries(client, past.url) == count_queries(client, past.url)


@pytest.mark.django_db
def test_captions_are_served_as_webvtt(client, index, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    captions = document("Captions", "captions.vtt", b"WEBVTT\n")
    response = client.get(captions.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")


@pytest.mark.django_db
def test_end_follows_start_and_duration(index):
    page = webinar(index, start=datetime(2030, 1, 1, 12, tzinfo=UTC), duration=45)
    assert page.end == datetime(2030, 1, 1, 12, 45, tzinfo=UTC)
    page.duration = 90
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.end == datetime(2030, 1, 1, 13, 30, tzinfo=UTC)
