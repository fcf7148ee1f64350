"""The admin's search boxes read Wagtail's own index, kept up to date on save.

The test settings switch that upkeep off (it doubled the time of building the demo
site); this test puts back the value every other environment runs with.
"""

from django.urls import reverse

import pytest

from config.settings import base
from tests.factories.pages import build_site, content_page


@pytest.mark.django_db
def test_a_trainer_finds_a_new_page_in_the_admin_search(settings, admin_client):
    settings.WAGTAILSEARCH_BACKENDS = base.WAGTAILSEARCH_BACKENDS
    content_page(build_site()["lv"], title="Sarunu klubu rokasgrāmata")

    response = admin_client.get(
        reverse("wagtailadmin_pages:search"), {"q": "rokasgrāmata"}
    )

    assert response.status_code == 200
    assert "Sarunu klubu rokasgrāmata" in response.content.decode()
