"""Private and unpublished pages stay out of the public search and its autocomplete."""

import json

from django.db import connection

from wagtail.models import PageViewRestriction

import pytest

from search.models import SearchEntry
from tests.factories.pages import content_page

pytestmark = pytest.mark.django_db


def found(client, query):
    """Titles the search page and the autocomplete give for ``query``, in Latvian."""
    page = client.get("/lv/search/", {"query": query})
    assert page.status_code == 200
    suggestions = client.get("/lv/search/autocomplete/", {"query": query})
    assert suggestions.status_code == 200
    return (
        sorted(result["page"].title for result in page.context["results"]),
        sorted(item["title"] for item in json.loads(suggestions.content)["results"]),
    )


def make_private(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def test_a_page_moved_into_a_private_section_leaves_and_returns(client, site):
    private = content_page(site["lv"], title="Darbinieku sadaļa")
    make_private(private)
    public = content_page(site["lv"], title="Publiskā sadaļa")
    page = content_page(public, title="Hakatonu plāns")
    content_page(page, title="Hakatonu plāna pielikums")
    both = ["Hakatonu plāna pielikums", "Hakatonu plāns"]
    assert found(client, "hakatonu") == (both, both)

    page.move(private, pos="last-child")
    assert found(client, "hakatonu") == ([], [])
    assert not SearchEntry.objects.filter(title__startswith="Hakatonu").exists()

    # Treebeard reads the child counts from the instances: fresh ones, then.
    page.refresh_from_db()
    public.refresh_from_db()
    page.move(public, pos="last-child")
    assert found(client, "hakatonu") == (both, both)


def test_a_restriction_on_an_ancestor_hides_the_whole_subtree(
    client, site, django_capture_on_commit_callbacks
):
    section = content_page(site["lv"], title="Slēgtā sadaļa")
    chapter = content_page(section, title="Nodaļa")
    content_page(chapter, title="Stratēģijas melnraksts")
    assert found(client, "stratēģijas") == (["Stratēģijas melnraksts"],) * 2

    restriction = PageViewRestriction.objects.create(
        page=section,
        restriction_type=PageViewRestriction.PASSWORD,
        password="slepens",
    )
    assert found(client, "stratēģijas") == ([], [])

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found(client, "stratēģijas") == (["Stratēģijas melnraksts"],) * 2


def test_a_page_published_inside_a_private_section_is_never_indexed(client, site):
    section = content_page(site["lv"], title="Slēgtā sadaļa")
    make_private(section)
    content_page(section, title="Iekšējā partnerības vienošanās")
    assert found(client, "partnerības") == ([], [])
    assert not SearchEntry.objects.filter(title__contains="vienošanās").exists()


def test_an_unpublished_page_leaves_results_and_autocomplete(client, site):
    page = content_page(site["lv"], title="Kopienas kartēšana")
    assert found(client, "kopienas") == (["Kopienas kartēšana"],) * 2
    page.unpublish()
    assert found(client, "kopienas") == ([], [])
    page.save_revision().publish()
    assert found(client, "kopienas") == (["Kopienas kartēšana"],) * 2


def test_deleting_a_private_section_leaves_no_entry_behind(
    client, site, django_capture_on_commit_callbacks
):
    section = content_page(site["lv"], title="Slēgtā sadaļa")
    content_page(section, title="Kopienas kartēšana")
    make_private(section)
    with django_capture_on_commit_callbacks(execute=True):
        section.delete()
    # Foreign keys are checked at commit: check them now, as a commit would.
    connection.check_constraints()
    assert found(client, "kopienas") == ([], [])
    assert not SearchEntry.objects.filter(
        title__in=["Slēgtā sadaļa", "Kopienas kartēšana"]
    ).exists()
