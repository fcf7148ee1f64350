"""The demo site that load_demo builds, checked against the seed documents.

Home and About in four and two languages, the handbook, webinars, tools, phrasebook,
practices, news, the initiatives map, partnerships and hackathons, the training
modules; no person from the seeds named on any served page; and a second load that
changes nothing.

Building the demo takes tens of seconds, so the class builds it once in
setUpTestData and Django rolls each test back to that state.
"""

import json
import re
import tempfile
from datetime import date
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.models import Locale, Page, Site

from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.demo import demo_key
from home.models import ContentPage, HomePage, Topic
from resources.models import (
    Hackathon,
    HandbookChapterPage,
    HandbookPage,
    InitiativeMapPage,
    InitiativePage,
    NewsPage,
    Partnership,
    PartnershipDirectoryPage,
    PhrasebookPage,
    PracticePage,
    ToolPage,
    WebinarPage,
)
from resources.models.partnerships import hackathon_totals

# Latvia's bounding box, generously.
LATITUDES = (55.6, 58.1)
LONGITUDES = (20.9, 28.3)


def site_snapshot():
    """Every page's place, language, title, state and latest revision."""
    return sorted(
        Page.objects.values_list(
            "url_path", "locale__language_code", "title", "live", "latest_revision_id"
        )
    )


def initiative_counts():
    return (
        InitiativePage.objects.count(),
        Partnership.objects.count(),
        Hackathon.objects.count(),
        Hackathon.libraries.through.objects.count(),
    )


def by_language(model):
    pages = {}
    for page in model.objects.live().select_related("locale"):
        pages.setdefault(page.locale.language_code, []).append(page)
    return pages


def unmarked(html):
    return re.sub(r"</?mark>", "", html)


class DemoTests(TestCase):
    @classmethod
    def setUpClass(cls):
        media = cls.enterClassContext(tempfile.TemporaryDirectory())
        cls.enterClassContext(override_settings(MEDIA_ROOT=media))
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo")

    def html(self, url, data=None):
        return self.client.get(url, data).content.decode()

    def test_loading_the_demo_twice_changes_nothing(self):
        pages = site_snapshot()
        topics = Topic.objects.count()
        initiatives = initiative_counts()
        call_command("load_demo")
        assert site_snapshot() == pages
        assert Topic.objects.count() == topics
        assert initiative_counts() == initiatives == (16, 20, 10, 20)

    def test_home_and_about_in_latvian_and_english(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        assert isinstance(home, HomePage) and home.locale.language_code == "lv"
        languages = {page.locale.language_code for page in HomePage.objects.live()}
        assert languages == {"lv", "en", "uk", "ru"}
        about = {
            page.locale.language_code: page
            for page in ContentPage.objects.live().filter(
                translation_key=demo_key("about")
            )
        }
        assert about["lv"].title == "Par LIBRI"
        assert about["en"].title == "About LIBRI"
        assert about["lv"].translation_key == about["en"].translation_key
        english = self.html(about["en"].url)
        # Facts from the seeds: the grant, the ten partnerships, the five hackathons.
        assert "AMIF-2023-TF2-AG-CALL-AMIF" in english
        assert "Siguldas novada bibliotēka" in english
        assert "124 participants" in english
        assert english.count("<li>") >= 10

    def test_pages_name_organisations_not_people(self):
        """Every page of the demo, as served, names no person from the seeds."""
        people = ("Agrita", "Sagalajeva", "Ines", "Ferreira", "Claudia", "Serbanuta")
        for page in Page.objects.live().filter(depth__gt=1):
            html = self.html(page.url)
            for forbidden in (*people, "kisc.gov.lv", "[at]", "+371"):
                assert forbidden not in html, (page.url, forbidden)

    def test_handbook_in_latvian_and_english(self):
        books = by_language(HandbookPage)
        assert set(books) == {"lv", "en"}
        assert books["lv"][0].title == "Partnerības rokasgrāmata"
        assert books["lv"][0].summary.startswith("Kā izveidot vietējo partnerību")
        assert books["en"][0].title == "Partnership handbook"
        assert books["en"][0].summary.startswith("How to build a local partnership")
        chapters = by_language(HandbookChapterPage)
        assert len(chapters["lv"]) == len(chapters["en"]) >= 5
        assert any(page.depth > books["lv"][0].depth + 1 for page in chapters["lv"])
        html = self.html(books["en"][0].url)
        for title in ("Why the library", "Agreeing to work together", "Hackathons"):
            assert title in html
        hackathons = next(p for p in chapters["en"] if p.slug == "hackathons")
        text = self.html(hackathons.url)
        assert "124 participants in all" in text and "Checklist" in text
        agreement = next(
            p for p in chapters["lv"] if p.slug == "vienosanas-par-sadarbibu"
        )
        text = self.html(agreement.url)
        assert "Siguldas novada bibliotēka, Latvija" in text
        assert "21. februārī" in text

    def test_webinars_two_past_two_upcoming_in_both_languages(self):
        webinars = by_language(WebinarPage)
        assert set(webinars) == {"lv", "en"}
        for pages in webinars.values():
            assert sorted(page.is_upcoming for page in pages) == [
                False,
                False,
                True,
                True,
            ]
            for page in pages:
                local = page.start.astimezone(ZoneInfo("Europe/Riga"))
                assert (local.weekday(), local.day <= 7, local.hour) == (2, True, 14)
                response = self.client.get(page.url)
                assert response.status_code == 200
                html = response.content.decode()
                if page.is_upcoming:
                    assert "meet.example.org" in html
                else:
                    assert page.transcript
                    assert "meet.example.org" not in html
        titles = {page.title for page in webinars["en"]}
        assert "LinkedIn for librarians" in titles
        assert "The needs of vulnerable users" in titles

    def test_tools_phrasebook_practices_and_news_found_by_search(self):
        for model, least in ((ToolPage, 2), (PracticePage, 4), (NewsPage, 4)):
            pages = by_language(model)
            assert set(pages) == {"lv", "en"}, model
            assert len(pages["lv"]) == len(pages["en"]) >= least, model
            for page in pages["lv"] + pages["en"]:
                assert self.client.get(page.url).status_code == 200, page.url
                assert page.topic_items.exists(), page.url
        for tool in ToolPage.objects.all():
            assert {f.language for f in tool.files.all()} == {"lv", "en"}
            assert all(f.extension == "odt" for f in tool.files.all())
        books = by_language(PhrasebookPage)
        assert set(books) == {"lv", "en"}
        phrases = list(books["lv"][0].phrases.all())
        by_situation = {}
        for phrase in phrases:
            by_situation.setdefault(phrase.situation, []).append(phrase)
            assert all(phrase.text(code) for code in ("lv", "en", "uk", "ru"))
        assert set(by_situation) == {
            "registration",
            "borrowing",
            "events",
            "directions",
            "digital",
        }
        assert all(4 <= len(group) <= 6 for group in by_situation.values())
        practices = {page.title for page in by_language(PracticePage)["en"]}
        assert "Digital skills classes with interpreter support" in practices
        html = self.html("/en/news/feed/rss/")
        assert "Five hackathons, 124 participants" in html
        menu = self.html("/en/")
        for title in ("Methodological tools", "Good practices", "News"):
            assert f">{title}</a>" in menu
        html = self.html("/en/search/", {"query": "speed dating"})
        # Search marks the matched words in titles.
        assert "Conversation clubs and language speed dating" in unmarked(html)
        html = self.html("/en/search/", {"query": "interviews focus groups"})
        assert "Local diagnostics guide" in unmarked(html)

    def test_initiatives_sit_in_latvian_towns_in_both_languages(self):
        for language in ("lv", "en"):
            map_page = InitiativeMapPage.objects.get(locale__language_code=language)
            collection = json.loads(self.html(map_page.url + "geojson/"))
            features = collection["features"]
            assert len(features) == 8
            for feature in features:
                lon, lat = feature["geometry"]["coordinates"]
                assert LONGITUDES[0] < lon < LONGITUDES[1]
                assert LATITUDES[0] < lat < LATITUDES[1]
            assert self.client.get(map_page.url).status_code == 200
        organisations = set(
            InitiativePage.objects.values_list("organisation", flat=True)
        )
        assert "Ogres Centrālā bibliotēka" in organisations
        assert "Latgales Centrālā bibliotēka" in organisations

    def test_partnerships_and_hackathons_add_up_to_the_seeds(self):
        for language, heading in (("lv", "5 hakatoni"), ("en", "5 hackathons")):
            locale = Locale.objects.get(language_code=language)
            assert Partnership.objects.filter(locale=locale).count() == 10
            assert hackathon_totals(locale) == {"count": 5, "participants": 124}
            page = PartnershipDirectoryPage.objects.get(locale=locale)
            html = self.html(page.url)
            assert heading in html
            assert "124" in html
        sigulda = Partnership.objects.get(
            locale__language_code="en", library="Siguldas novada bibliotēka"
        )
        assert sigulda.memorandum_date is None  # the seeds give no year
        assert "21 February" in sigulda.note
        ventspils = Hackathon.objects.get(
            locale__language_code="lv", date=date(2025, 9, 5)
        )
        assert sorted(p.town for p in ventspils.libraries.all()) == [
            "Liepāja",
            "Saldus",
            "Ventspils",
        ]
        assert all(p.locale.language_code == "lv" for p in ventspils.libraries.all())

    def test_four_courses_in_latvian_and_english(self):
        catalogues = {p.locale.language_code: p for p in CourseIndexPage.objects.live()}
        assert catalogues["lv"].title == "Mācību moduļi"
        assert catalogues["en"].title == "Training modules"
        assert catalogues["lv"].show_in_menus
        for language, index in catalogues.items():
            courses = CoursePage.objects.child_of(index).live()
            assert courses.count() == 4, language
            for course in courses:
                lessons = LessonPage.objects.child_of(course).live()
                assert lessons.count() >= 3, course.title
                checks = [
                    c for lesson in lessons for c in lesson.knowledge_checks().values()
                ]
                assert checks, course.title
                kinds = {q["kind"] for c in checks for q in c["questions"]}
                assert kinds == {"single", "multiple", "true_false"}, course.title
                assert 3 <= sum(len(c["questions"]) for c in checks) <= 4
                translation = course.get_translation_or_none(
                    catalogues["en" if language == "lv" else "lv"].locale
                )
                assert translation is not None and translation.live
        english = self.html(catalogues["en"].url)
        assert "Organising hackathons" in english
        hackathons = CoursePage.objects.get(slug="organising-hackathons")
        lesson = LessonPage.objects.child_of(hackathons).get(
            slug="five-hackathons-2025"
        )
        assert "124 participants" in self.html(lesson.url)
