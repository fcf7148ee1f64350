"""load_demo builds the four training modules in Latvian and English, once."""

from django.core.management import call_command

from wagtail.models import Page

import pytest

from courses.models import CourseIndexPage, CoursePage, LessonPage


def snapshot():
    return sorted(
        Page.objects.values_list(
            "url_path", "locale__language_code", "title", "live", "latest_revision_id"
        )
    )


@pytest.mark.django_db
def test_demo_has_four_courses_in_latvian_and_english(client):
    call_command("load_demo")
    catalogues = {p.locale.language_code: p for p in CourseIndexPage.objects.live()}
    assert catalogues["lv"].title == "Mācību moduļi"
    assert catalogues["en"].title == "Training modules"
    assert catalogues["lv"].show_in_menus
    for language, index in catalogues.items():
        courses = CoursePage.objects.child_of(index).live()
        assert courses.count() == 4, language
        for course in courses:
            lessons = LessonPage.objects.child_of(course).live()
            assert lessons.count() >= 3, course.title
            checks = [
                c for lesson in lessons for c in lesson.knowledge_checks().values()
            ]
            assert checks, course.title
            kinds = {q["kind"] for c in checks for q in c["questions"]}
            assert kinds == {"single", "multiple", "true_false"}, course.title
            assert 3 <= sum(len(c["questions"]) for c in checks) <= 4
            translation = course.get_translation_or_none(
                catalogues["en" if language == "lv" else "lv"].locale
            )
            assert translation is not None and translation.live
    english = client.get(catalogues["en"].url).content.decode()
    assert "Organising hackathons" in english
    hackathons = CoursePage.objects.get(slug="organising-hackathons")
    lesson = LessonPage.objects.child_of(hackathons).get(slug="five-hackathons-2025")
    assert "124 participants" in client.get(lesson.url).content.decode()
