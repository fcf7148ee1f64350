"""hreflang alternates, per-language sitemaps, and the untranslated-page fallback."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest

from tests.factories.pages import content_page, translate, translated_content_page

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def alternates_in(html):
    """{hreflang: href} of the <link rel="alternate"> elements of a page."""
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    )


@pytest.mark.django_db
def test_page_lists_each_live_translation_and_x_default(client, site):
    pages = translated_content_page(site)
    pages["ru"].unpublish()
    html = client.get(pages["en"].url).content.decode()
    links = alternates_in(html)
    assert set(links) == {"lv", "en", "uk", "x-default"}
    assert links["uk"] == f"http://localhost{pages['uk'].url}"
    assert links["x-default"] == links["lv"]


@pytest.mark.django_db
def test_search_page_has_alternates_in_every_language(client, site):
    links = alternates_in(client.get("/uk/search/?query=x").content.decode())
    assert links["lv"] == "http://testserver/lv/search/?query=x"
    assert links["x-default"] == links["lv"]


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own sitemap


@pytest.mark.django_db
def test_sitemap_index_lists_one_sitemap_per_language(client, site):
    root = parse(client.get("/sitemap.xml"))
    locations = [element.text for element in root.iter(f"{SITEMAP}loc")]
    assert locations == [
        f"http://testserver/sitemap-{code}.xml" for code in ("lv", "en", "uk", "ru")
    ]


@pytest.mark.django_db
def test_sitemap_index_dates_each_language_in_queries_that_do_not_grow(
    client, site, django_assert_max_num_queries
):
    client.get("/sitemap.xml")  # the first request makes the site's settings row
    content_page(site["lv"], title="Pirmā")  # publishing forgets what was remembered
    with django_assert_max_num_queries(12) as before:
        client.get("/sitemap.xml")
    for number in range(5):
        content_page(site["lv"], title=f"Lapa {number}")
    latest = content_page(site["lv"], title="Jaunākā").last_published_at
    with django_assert_max_num_queries(len(before)):
        root = parse(client.get("/sitemap.xml"))
    dates = {
        sitemap.find(f"{SITEMAP}loc").text: sitemap.find(f"{SITEMAP}lastmod").text
        for sitemap in root.findall(f"{SITEMAP}sitemap")
    }
    lastmod = datetime.fromisoformat(dates["http://testserver/sitemap-lv.xml"])
    assert lastmod == latest


@pytest.mark.django_db
def test_language_sitemap_lists_its_pages_with_their_alternates(client, site):
    pages = translated_content_page(site)
    only_latvian = content_page(site["lv"], title="Tikai latviski")
    root = parse(client.get("/sitemap-uk.xml"))
    urls = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }
    page_url = f"http://localhost{pages['uk'].url}"
    assert set(urls) == {f"http://localhost{site['uk'].url}", page_url}
    assert urls[page_url]["ru"] == f"http://localhost{pages['ru'].url}"
    assert urls[page_url]["x-default"] == f"http://localhost{pages['lv'].url}"
    latvian = parse(client.get("/sitemap-lv.xml"))
    assert f"http://localhost{only_latvian.url}" in ET.tostring(latvian, "unicode")
    assert client.get("/sitemap-xx.xml").status_code == 404


@pytest.mark.django_db
def test_untranslated_page_is_shown_in_its_source_language_with_a_note(client, site):
    page = content_page(site["lv"], title="Tikai latviski", summary="Teksts")
    path = page.url.removeprefix("/lv/")
    response = client.get(f"/uk/{path}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tikai latviski" in html
    assert 'class="translation-note"' in html
    assert '<html lang="uk">' in html
    assert 'lang="lv"' in html
    assert f'<link rel="canonical" href="http://localhost{page.url}">' in html


@pytest.mark.django_db
def test_fallback_prefers_english_over_the_source(client, site):
    page = content_page(site["lv"], title="Oriģināls")
    translate(page, site["en"].locale, title="Original")
    response = client.get(f"/ru/{page.url.removeprefix('/lv/')}")
    assert response.status_code == 200
    assert "Original" in response.content.decode()


@pytest.mark.django_db
def test_fallback_follows_the_browsers_languages(client, site):
    page = content_page(site["lv"], title="Oriģināls")
    translate(page, site["en"].locale, title="Original")
    translate(page, site["ru"].locale, title="Оригинал")
    response = client.get(
        f"/uk/{page.url.removeprefix('/lv/')}", HTTP_ACCEPT_LANGUAGE="uk,ru;q=0.8"
    )
    assert "Оригинал" in response.content.decode()


@pytest.mark.django_db
def test_unknown_paths_and_private_pages_still_404(client, site):
    from wagtail.models import PageViewRestriction

    private = content_page(site["lv"], title="Slepena")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/uk/nav-tadas-lapas/").status_code == 404
    assert client.get(f"/uk/{private.url.removeprefix('/lv/')}").status_code == 404


@pytest.mark.django_db
def test_dates_follow_the_language(client, site):
    page = content_page(site["lv"], title="Datums")
    latvian = client.get("/lv/search/", {"query": "datums"}).content.decode()
    english = client.get("/en/search/", {"query": "datums", "lang": "lv"})
    year = page.last_published_at.year
    assert f"{year}. gada" in latvian
    assert f", {year}" in english.content.decode()
