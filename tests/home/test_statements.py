"""The footer links to the accessibility statement and privacy notice."""

from wagtail.models import Site

import pytest

from home import demo as home_demo
from home.demo import demo_key
from home.models import ContentPage, SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    """The home app's share of the demo: home pages, About, statements, settings."""
    home_demo.load()


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("lv", "Piekļūstamības paziņojums"),
        ("en", "Accessibility statement"),
        ("uk", "Заява про доступність"),
        ("ru", "Заявление о доступности"),
    ],
)
def test_accessibility_link_opens_the_statement_in_the_readers_language(
    client, demo, language, title
):
    response = client.get(f"/{language}/accessibility/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(f"/{language}/")
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_privacy_notice_lists_what_is_held_and_how_to_erase_it(client, demo):
    html = client.get("/en/privacy/", follow=True).content.decode()
    assert "<h1>Privacy notice</h1>" in html
    for held in ("consent records", "knowledge-check answers", "no link tokens"):
        assert held in html
    assert "erase" in html


def test_every_page_footer_links_both_statements(client, demo):
    html = client.get("/uk/").content.decode()
    assert 'href="/uk/accessibility/"' in html
    assert 'href="/uk/privacy/"' in html


def test_statement_link_is_404_when_the_page_is_unset_or_unpublished(client, demo):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = None
    site_settings.save()
    assert client.get("/en/privacy/").status_code == 404
    statement = ContentPage.objects.get(
        translation_key=demo_key("accessibility"), locale__language_code="lv"
    )
    statement.unpublish()
    assert client.get("/lv/accessibility/").status_code == 404
