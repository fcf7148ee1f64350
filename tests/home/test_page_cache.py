"""The anonymous page cache, and what is remembered between requests."""

import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from config.settings.base import REDIS_CACHE_OPTIONS, redis_database_url
from tests.factories.community import subscribe_pages
from tests.factories.pages import content_page, publish

# A Redis database of its own: other suites on this machine flush database 15.
PAGE_CACHE_DATABASE = 12


@pytest.fixture
def page_cache(settings):
    """The page cache on, in Redis, under keys no other test run shares."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_database_url(settings.REDIS_URL, PAGE_CACHE_DATABASE),
            "KEY_PREFIX": f"page-cache-test-{uuid.uuid4().hex}",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    from django.core.cache import cache

    yield cache
    cache.delete_pattern("*")


def fetch(client, url):
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, len(queries)


@pytest.mark.django_db
def test_second_anonymous_get_comes_from_the_cache(client, site, page_cache):
    page = content_page(site["lv"], title="Kešatmiņa")
    first, _ = fetch(client, page.url)
    second, queries = fetch(client, page.url)
    assert first["X-Page-Cache"] == "MISS"
    assert second["X-Page-Cache"] == "HIT"
    assert queries == 0
    assert second.content == first.content
    assert "Kešatmiņa" in second.content.decode()
    assert "public" in second["Cache-Control"]
    assert "s-maxage=10" in second["Cache-Control"]


@pytest.mark.django_db
def test_publishing_shows_the_change_on_the_next_get(client, site, page_cache):
    page = content_page(site["lv"], title="Vecais nosaukums", show_in_menus=True)
    fetch(client, page.url)
    assert fetch(client, site["lv"].url)[0]["X-Page-Cache"] == "MISS"
    assert fetch(client, site["lv"].url)[0]["X-Page-Cache"] == "HIT"
    page.title = "Jaunais nosaukums"
    publish(page)
    for url in (page.url, site["lv"].url):  # the page itself and the menu on home
        response, _ = fetch(client, url)
        assert response["X-Page-Cache"] == "MISS"
        assert "Jaunais nosaukums" in response.content.decode()
        assert "Vecais nosaukums" not in response.content.decode()


@pytest.mark.django_db
def test_unpublished_page_is_gone_at_once(client, site, page_cache):
    page = content_page(site["lv"], title="Drīz prom")
    fetch(client, page.url)
    fetch(client, page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404


@pytest.mark.django_db
def test_signed_in_users_are_never_served_from_the_cache(
    client, site, page_cache, django_user_model
):
    page = content_page(site["lv"], title="Visiem")
    fetch(client, page.url)
    client.force_login(django_user_model.objects.create_user("lasitajs"))
    response, queries = fetch(client, page.url)
    assert response["X-Page-Cache"] == "BYPASS"
    assert queries > 0
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_with_a_form_and_its_csrf_token_are_not_cached(client, site, page_cache):
    url = subscribe_pages(site)["lv"].url
    for _ in range(2):
        response, queries = fetch(client, url)
        assert response["X-Page-Cache"] == "BYPASS"
        assert "csrftoken" in response.cookies
        assert queries > 0


@pytest.mark.django_db
def test_posts_are_never_cached(client, site, page_cache):
    page = content_page(site["lv"], title="Tikai lasīt")
    fetch(client, page.url)
    response = client.post(page.url, {})
    assert response["X-Page-Cache"] == "BYPASS"


@pytest.mark.django_db
def test_pages_render_from_the_database_when_redis_is_down(client, site, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    page = content_page(site["lv"], title="Bez Redis", show_in_menus=True)
    for _ in range(2):
        response, queries = fetch(client, page.url)
        assert response["X-Page-Cache"] == "BYPASS"
        assert queries > 0
        assert "Bez Redis" in response.content.decode()


@pytest.mark.django_db
def test_menu_follows_a_title_change_without_the_page_cache(
    client, site, private_cache
):
    page = content_page(site["lv"], title="Izvēlnē", show_in_menus=True)
    fetch(client, site["lv"].url)
    page.title = "Izvēlnē, pārdēvēta"
    publish(page)
    assert "Izvēlnē, pārdēvēta" in fetch(client, site["lv"].url)[0].content.decode()


@pytest.mark.django_db
def test_moved_page_is_found_at_its_new_address(client, site, private_cache):
    section = content_page(site["lv"], title="Sadaļa")
    page = content_page(site["lv"], title="Pārvietojamā")
    old_url = page.url
    fetch(client, old_url)
    page.move(section, pos="last-child")
    page.refresh_from_db()
    assert "Pārvietojamā" in fetch(client, page.url)[0].content.decode()
    # The old address no longer serves the page: Wagtail redirects it.
    assert client.get(old_url).status_code == 301
