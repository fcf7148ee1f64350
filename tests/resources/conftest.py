"""Fixtures of the content library's tests."""

import pytest


@pytest.fixture
def private_cache(settings):
    """A cache of this test's own, for query counts.

    The suite's Redis cache is shared by every test run on the machine; another run
    clearing it mid-test would add Wagtail's site-root query to a count.
    """
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
