"""load_demo builds the demo site from the seeds' facts; twice gives the same site."""

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from home.demo import demo_key
from home.models import ContentPage, HomePage, Topic


def site_snapshot():
    return sorted(
        Page.objects.values_list("url_path", "locale__language_code", "title", "live")
    )


@pytest.mark.django_db
def test_load_demo_is_idempotent():
    call_command("load_demo")
    first = site_snapshot()
    topics = Topic.objects.count()
    call_command("load_demo")
    assert site_snapshot() == first
    assert Topic.objects.count() == topics


@pytest.mark.django_db
def test_load_demo_builds_home_and_about_in_latvian_and_english(client):
    call_command("load_demo")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.locale.language_code == "lv"
    languages = {page.locale.language_code for page in HomePage.objects.live()}
    assert languages == {"lv", "en", "uk", "ru"}
    about = {
        page.locale.language_code: page
        for page in ContentPage.objects.live().filter(translation_key=demo_key("about"))
    }
    assert about["lv"].title == "Par LIBRI"
    assert about["en"].title == "About LIBRI"
    assert about["lv"].translation_key == about["en"].translation_key
    english = client.get(about["en"].url).content.decode()
    # Facts from the seeds: the grant, the ten partnerships, the five hackathons.
    assert "AMIF-2023-TF2-AG-CALL-AMIF" in english
    assert "Siguldas novada bibliotēka" in english
    assert "124 participants" in english
    assert english.count("<li>") >= 10


@pytest.mark.django_db
def test_demo_names_organisations_not_people(client):
    """Every page of the demo, as served, names no person from the seed documents."""
    call_command("load_demo")
    people = ("Agrita", "Sagalajeva", "Ines", "Ferreira", "Claudia", "Serbanuta")
    for page in Page.objects.live().filter(depth__gt=1):
        html = client.get(page.url).content.decode()
        for forbidden in (*people, "kisc.gov.lv", "[at]", "+371"):
            assert forbidden not in html, (page.url, forbidden)
