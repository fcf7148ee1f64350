"""Bench pages added in bulk: a valid tree, pages that render, search finds them."""

from wagtail.models import Page

import pytest

from bench.dataset import SECTION_SIZE, add_content, add_live_pages
from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import ContentPage
from search.indexing import rebuild
from search.models import SearchEntry
from tests.factories.pages import content_page

# Two sections per language, the second one short.
PAGES = 2 * (SECTION_SIZE + 3)


def assert_valid_tree():
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_bulk_content_makes_a_valid_tree_of_pages_that_render(client, site):
    content_page(site["lv"], title="Sadaļa lv 0")  # the slow way, before the bulk
    add_content(PAGES, topics=10)
    assert_valid_tree()
    pages = ContentPage.objects.filter(depth=4).order_by("path")
    assert pages.count() == PAGES
    # Wagtail's slug for a title already taken under the same parent.
    sections = ContentPage.objects.filter(title="Sadaļa lv 0").order_by("path")
    assert [section.slug for section in sections] == ["sadaļa-lv-0", "sadaļa-lv-0-2"]
    section = sections[1]
    assert section.get_children().count() == SECTION_SIZE
    for page in (pages.first(), pages.last(), section):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
        assert page.get_parent().get_children().filter(pk=page.pk).exists()


@pytest.mark.django_db
def test_bulk_content_is_found_by_the_site_search_with_its_topics(client, site):
    add_content(PAGES, topics=10)
    assert rebuild() == 4 + PAGES + 4  # the four homes and four sections
    page = ContentPage.objects.get(title="Materiāls lv 52")
    entry = SearchEntry.objects.get(page=page)
    assert sorted(entry.topics.values_list("pk", flat=True)) == sorted(
        page.topics.values_list("pk", flat=True)
    )
    assert len(entry.topic_ids) == 3
    response = client.get("/lv/search/", {"query": "materiāls 52"})
    assert response.context["results"][0]["page"].pk == page.pk


@pytest.mark.django_db
def test_bulk_pages_of_other_types_serve_as_their_own_type(client, site):
    [catalogue] = add_live_pages(site["lv"], [CourseIndexPage(title="Moduļi")])
    [course] = add_live_pages(
        catalogue, [CoursePage(title="Modulis", summary="Kopsavilkums.")]
    )
    lessons = add_live_pages(
        course, [LessonPage(title=f"Nodarbība {n}") for n in range(3)]
    )
    assert_valid_tree()
    assert course.numchild == 3
    assert [lesson.pk for lesson in course.lessons()] == [page.pk for page in lessons]
    for page in (catalogue, course, lessons[-1]):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
