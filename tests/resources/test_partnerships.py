"""Partnerships and hackathons: translatable snippets, a directory, totals by SQL."""

from datetime import date

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.models import HomePage
from resources.models import PartnershipDirectoryPage
from resources.models.partnerships import hackathon_totals
from tests.factories.initiatives import directory, hackathon, partnership
from tests.factories.pages import build_site


class TreeRulesTests(WagtailPageTestCase):
    def setUp(self):
        self.homes = build_site()

    def test_one_directory_per_home_page(self):
        self.assertAllowedParentPageTypes(PartnershipDirectoryPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnershipDirectoryPage, set())
        page = directory(self.homes["lv"])
        self.assertFalse(PartnershipDirectoryPage.can_create_at(self.homes["lv"]))
        self.assertPageIsRenderable(page)


@pytest.mark.django_db
def test_totals_are_summed_in_the_database_per_language(site):
    lv = Locale.objects.get(language_code="lv")
    en = Locale.objects.get(language_code="en")
    hackathon(lv, date(2025, 8, 22), 28)
    hackathon(lv, date(2025, 9, 12), 12)
    hackathon(lv, date(2025, 9, 20), None)  # a count nobody recorded
    hackathon(en, date(2025, 8, 22), 28)
    assert hackathon_totals(lv) == {"count": 3, "participants": 40}
    assert hackathon_totals(en) == {"count": 1, "participants": 28}


@pytest.mark.django_db
def test_directory_lists_its_language_and_shows_computed_totals(
    client, site, django_assert_max_num_queries, private_cache
):
    lv = Locale.objects.get(language_code="lv")
    en = Locale.objects.get(language_code="en")
    page = directory(site["lv"])
    ogre = partnership(lv, note="Mācību sanāksme notika Ogrē.")
    sigulda = partnership(lv, library="Siguldas novada bibliotēka")
    partnership(en, library="Only in English")
    hackathon(lv, date(2025, 9, 16), 29, libraries=[ogre, sigulda])
    client.get(page.url)  # warm Wagtail's site-root cache
    # Routing and the base template take ten; partnerships, hackathons, their
    # libraries and the totals one each.
    with django_assert_max_num_queries(15):
        html = client.get(page.url).content.decode()
    assert "Siguldas novada bibliotēka" in html
    assert "Mācību sanāksme notika Ogrē." in html
    assert "Only in English" not in html
    assert "1 hakatons" in html and "29 dalībnieki" in html

    for number in range(5):
        extra = partnership(lv, library=f"Bibliotēka {number}")
        hackathon(lv, date(2025, 10, number + 1), 10, libraries=[extra, ogre])
    # New content starts a new content generation: warm again, then count.
    client.get(page.url)
    with django_assert_max_num_queries(15):
        html = client.get(page.url).content.decode()
    assert "6 hakatoni" in html and "79 dalībnieki" in html
