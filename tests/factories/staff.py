"""The people who run the site, by role, and a small site of every page type."""

from django.contrib.auth.models import Group, User

from tests.factories import community, courses, resources
from tests.factories.pages import build_site, content_page

PASSWORD = "libri-test-pw"


def staff_user(username, *groups, **fields):
    """An active user in the named groups, with ``PASSWORD``."""
    user = User.objects.create_user(
        username, f"{username}@example.org", PASSWORD, **fields
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def trainer(username="trainer"):
    return staff_user(username, "Trainers")


def moderator(username="moderator"):
    return staff_user(username, "Moderators")


def administrator(username="administrator"):
    return staff_user(username, is_staff=True, is_superuser=True)


def sample_site():
    """The four home pages and, in Latvian, one page of each content type."""
    homes = build_site()
    home = homes["lv"]
    catalogue = courses.catalogue(home)
    course = courses.course(catalogue)
    book = resources.handbook(home)
    index = resources.webinar_index(home)
    return {
        "homes": homes,
        "about": content_page(home),
        "catalogue": catalogue,
        "course": course,
        "lesson": courses.lesson(course),
        "handbook": book,
        "chapter": resources.chapter(book),
        "webinars": index,
        "webinar": resources.past_webinar(index),
        "subscribe": community.subscribe_pages(homes)["lv"],
    }
