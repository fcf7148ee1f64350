"""Home and content pages: where they may live, how they render in each language."""

from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from community.models import SubscribePage
from courses.models import CourseIndexPage
from home.models import ContentPage, HomePage
from resources.models import (
    HandbookPage,
    InitiativeMapPage,
    NewsIndexPage,
    PartnershipDirectoryPage,
    PracticeIndexPage,
    ToolIndexPage,
    WebinarIndexPage,
)
from tests.factories.pages import (
    LANGUAGES,
    build_site,
    content_page,
    publish,
    translated_content_page,
)
from tests.factories.resources import webinar, webinar_index


class PageTreeRulesTests(WagtailPageTestCase):
    """Each page type can be created where it belongs and nowhere else."""

    def setUp(self):
        self.homes = build_site()
        self.login()

    def test_home_page_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ContentPage, HomePage)

    def test_content_pages_live_under_home_or_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ContentPage,
                SubscribePage,
                CourseIndexPage,
                HandbookPage,
                WebinarIndexPage,
                ToolIndexPage,
                PracticeIndexPage,
                NewsIndexPage,
                InitiativeMapPage,
                PartnershipDirectoryPage,
            },
        )
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertCanNotCreateAt(Page, ContentPage)

    def test_trainer_creates_a_content_page_in_the_admin(self):
        self.assertCanCreate(
            self.homes["lv"],
            ContentPage,
            nested_form_data(
                {
                    "title": "Partnerības veidošana",
                    "slug": "partneribas-veidosana",
                    "summary": "Kā sākt.",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Bibliotēka, pašvaldība.</p>"))]
                    ),
                    "topics": "Partnerības",
                }
            ),
        )
        page = ContentPage.objects.get(slug="partneribas-veidosana")
        self.assertEqual(page.locale.language_code, "lv")
        self.assertEqual([t.name for t in page.topics.all()], ["Partnerības"])

    def test_home_page_is_renderable(self):
        self.assertPageIsRenderable(self.homes["lv"])


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_renders_in_each_language(client, site, language):
    response = get_ok(client, f"/{language}/")
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert site[language].intro in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_content_page_renders_in_each_language(client, site, language):
    pages = translated_content_page(site)
    response = get_ok(client, pages[language].url)
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert pages[language].title in html


@pytest.mark.django_db
def test_language_switcher_links_each_translation(client, site):
    pages = translated_content_page(site)
    html = get_ok(client, pages["lv"].url).content.decode()
    for code in LANGUAGES:
        assert f'href="{pages[code].url}" hreflang="{code}"' in html
    assert (
        f'href="{pages["lv"].url}" hreflang="lv" lang="lv" aria-current="true"' in html
    )


@pytest.mark.django_db
def test_untranslated_page_switches_to_the_other_languages_home(client, site):
    page = content_page(site["lv"], title="Tikai latviski")
    html = get_ok(client, page.url).content.decode()
    assert f'href="{site["en"].url}" hreflang="en"' in html
    assert 'hreflang="en"' in html and "/en/tikai" not in html


@pytest.mark.django_db
def test_navigation_is_built_from_the_page_tree(client, site):
    listed = content_page(site["lv"], title="Rokasgrāmata", show_in_menus=True)
    hidden = content_page(site["lv"], title="Slēpta lapa", show_in_menus=False)
    html = get_ok(client, "/lv/").content.decode()
    start = html.index('<nav class="main-nav"')
    nav = html[start : html.index("</nav>", start)]
    assert listed.title in nav
    assert hidden.title not in nav


def main_nav(html):
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]


@pytest.mark.django_db
def test_menu_marks_the_page_shown_and_no_other(client, site, private_cache):
    first = content_page(site["lv"], title="Pirmā", show_in_menus=True)
    second = content_page(site["lv"], title="Otrā", show_in_menus=True)
    unlisted = content_page(first, title="Apakšlapa")
    # The menu's markup is remembered: each page must still get its own marking.
    for shown in (first, second, unlisted, first):
        nav = main_nav(get_ok(client, shown.url).content.decode())
        marked = [page for page in (first, second) if f'href="{page.url}" aria' in nav]
        assert marked == ([] if shown == unlisted else [shown])
        assert nav.count('aria-current="page"') == len(marked)


@pytest.mark.django_db
def test_footer_shows_the_site_settings_as_edited(client, site, private_cache):
    from home.models import SiteSettings

    get_ok(client, "/lv/")  # the footer is remembered
    settings = SiteSettings.for_site(site["lv"].get_site())
    settings.organisation = "Rīgas bibliotēka"
    settings.save()
    assert "<p>Rīgas bibliotēka</p>" in get_ok(client, "/en/").content.decode()
    assert "<p>Rīgas bibliotēka</p>" in get_ok(client, "/lv/").content.decode()


@pytest.mark.django_db
def test_home_lists_latest_materials_of_its_language_only(client, site):
    latvian = content_page(site["lv"], title="Jaunākais materiāls")
    english = content_page(site["en"], title="Newest material")
    html = get_ok(client, "/lv/").content.decode()
    assert latvian.title in html
    assert english.title not in html


@pytest.mark.django_db
def test_unpublished_page_is_not_served(client, site):
    page = content_page(site["lv"], title="Melnraksts")
    page.unpublish()
    assert client.get(page.url).status_code == 404


def count_queries(client, url):
    get_ok(client, url)  # content changed: routes and menus are remembered anew
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, url)
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_query_count(
    client, site, language, private_cache, django_assert_max_num_queries
):
    get_ok(client, f"/{language}/")  # remember the route, header and footer
    # The page 1; the latest pages, the subscribe page, the offer cards and the
    # next webinar are remembered per content generation, like the route, header
    # and footer.
    with django_assert_max_num_queries(1):
        get_ok(client, f"/{language}/")


def next_webinar_section(html):
    return html.split('id="webinar-heading"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_remembered_next_webinar_gives_way_when_it_ends(client, site, private_cache):
    """The next webinar is remembered until it ends, then the one after is shown."""
    now = timezone.now()
    index = webinar_index(site["lv"])
    webinar(index, title="Pirmais", start=now + timedelta(days=1))
    webinar(index, title="Otrais", start=now + timedelta(days=3))
    assert "Pirmais" in next_webinar_section(get_ok(client, "/lv/").content.decode())
    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(days=2)):
        html = get_ok(client, "/lv/").content.decode()
    assert "Otrais" in next_webinar_section(html)


@pytest.mark.django_db
def test_content_page_query_count(
    client, site, private_cache, django_assert_max_num_queries
):
    page = translated_content_page(site)["en"]
    get_ok(client, page.url)
    # The page 1, its topics 1: the same at any depth (no view restrictions exist).
    with django_assert_max_num_queries(2):
        get_ok(client, page.url)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/lv/accounts/login/", "/en/certificates/"])
def test_views_other_than_pages_find_the_site_in_memory(client, site, path):
    """The sign-in form and the certificate lookup draw the menus and footer
    without asking the database for the site, its root paths or its settings."""
    get_ok(client, path)
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, path)
    site_tables = ("wagtailcore_site", "home_sitesettings")
    assert [q["sql"] for q in queries if any(t in q["sql"] for t in site_tables)] == []


@pytest.mark.django_db
def test_query_count_does_not_grow_with_content(client, site, private_cache):
    content_page(site["lv"], title="Pirmā", show_in_menus=True)
    get_ok(client, "/lv/")
    before = count_queries(client, "/lv/")
    for number in range(8):
        page = content_page(site["lv"], title=f"Lapa {number}", show_in_menus=True)
        content_page(page, title=f"Apakšlapa {number}")
    assert count_queries(client, "/lv/") == before


@pytest.mark.django_db
def test_topic_label_follows_the_active_language(site):
    from django.utils import translation

    from home.models import Topic

    topic = Topic.objects.create(name="Hakatoni", slug="hakatoni", name_en="Hackathons")
    with translation.override("en"):
        assert topic.label == "Hackathons"
    with translation.override("uk"):
        assert topic.label == "Hakatoni"


@pytest.mark.django_db
def test_remembered_topics_give_way_to_a_publication(client, site, private_cache):
    """A page's topics are remembered per content generation; a publish renews them."""
    page = content_page(site["lv"], title="Tēmu lapa")
    page.topics.add("Vecā tēma")
    publish(page)
    assert "Vecā tēma" in get_ok(client, page.url).content.decode()
    page.topics.set(["Jaunā tēma"])
    publish(page)
    html = get_ok(client, page.url).content.decode()
    assert "Jaunā tēma" in html
    assert "Vecā tēma" not in html
