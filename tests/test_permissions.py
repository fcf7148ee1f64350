"""Who gets what: every role against the site's URLs, public and admin, in one table.

Each cell is what the response must be:
  ok       200
  login    a redirect to the admin's sign-in page
  refused  403, or Wagtail's redirect to the dashboard with "no permission"
  bad      400 (a link token that does not check out)
"""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page, Site

import pytest

from community.tokens import manage_token
from learning.certificates import issue_certificate, verification_path
from learning.progress import complete_lesson
from tests.factories.community import subscriber
from tests.factories.learning import learner
from tests.factories.resources import document
from tests.factories.staff import administrator, moderator, sample_site, trainer

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "member",
    "learner",
    "another learner",
    "trainer",
    "moderator",
    "administrator",
)
LEARNER = "anna@biblioteka.lv"
# Roles that must never see the learner's data (trainers see it in their reports).
PEERS = ("anonymous", "member", "another learner")
SIGN_IN = {
    "learner": lambda: get_user_model().objects.get(email=LEARNER),
    "another learner": lambda: learner("janis@biblioteka.lv"),
    "trainer": trainer,
    "moderator": moderator,
    "administrator": administrator,
}


def admin(name, *args):
    return lambda site: reverse(name, args=[arg(site) for arg in args])


def pk(name):
    return lambda site: site[name].pk


def url(name):
    return lambda site: site[name].url


def learner_path(path):
    return lambda site: f"/lv/learning/{path}"


def export(kind):
    return lambda site: f"/lv/exports/courses/{site['course'].pk}/{kind}"


# (what, path from the site, expected per role in ROLES order)
TABLE = [
    ("my learning", learner_path(""), "signin signin ok ok ok ok ok"),
    ("my profile", learner_path("profile/"), "signin signin ok ok ok ok ok"),
    ("my data", learner_path("my-data/"), "signin signin ok ok ok ok ok"),
    (
        "delete my account",
        learner_path("delete-account/"),
        "signin signin ok ok ok ok ok",
    ),
    ("training record CSV", learner_path("record.csv"), "signin signin ok ok ok ok ok"),
    ("training record PDF", learner_path("record.pdf"), "signin signin ok ok ok ok ok"),
    (
        "enrol by GET",
        lambda site: f"/lv/learning/courses/{site['course'].pk}/enrol/",
        "405 405 405 405 405 405 405",
    ),
    ("offline pack", export("offline.zip"), "ok ok ok ok ok ok ok"),
    (
        "SCORM package",
        export("scorm.zip"),
        "refused refused refused refused ok ok ok",
    ),
    ("home page", lambda site: "/lv/", "ok ok ok ok ok ok ok"),
    ("content page", url("about"), "ok ok ok ok ok ok ok"),
    ("lesson", url("lesson"), "ok ok ok ok ok ok ok"),
    ("handbook chapter", url("chapter"), "ok ok ok ok ok ok ok"),
    ("webinar", url("webinar"), "ok ok ok ok ok ok ok"),
    ("webinar .ics", lambda site: site["webinar"].url + "ics/", "ok ok ok ok ok ok ok"),
    ("search", lambda site: "/lv/search/?query=LIBRI", "ok ok ok ok ok ok ok"),
    ("subscribe page", url("subscribe"), "ok ok ok ok ok ok ok"),
    ("document", lambda site: site["document"].url, "ok ok ok ok ok ok ok"),
    ("own preferences link", lambda site: site["preferences"], "ok ok ok ok ok ok ok"),
    (
        "forged preferences link",
        lambda site: site["forged"],
        "bad bad bad bad bad bad bad",
    ),
    (
        "forged unsubscribe link",
        lambda site: site["forged"].replace(
            "/lv/community/preferences", "/unsubscribe"
        ),
        "bad bad bad bad bad bad bad",
    ),
    ("admin dashboard", admin("wagtailadmin_home"), "login login login login ok ok ok"),
    (
        "page explorer",
        admin("wagtailadmin_explore_root"),
        "login login login login ok ok ok",
    ),
    ("certificate lookup", lambda site: "/lv/certificates/", "ok ok ok ok ok ok ok"),
    (
        "a certificate's verification",
        lambda site: site["certificate"].url,
        "ok ok ok ok ok ok ok",
    ),
    (
        "the learner's certificate PDF",
        lambda site: (
            site["certificate"].url.replace(
                "/lv/certificates/", "/lv/learning/certificates/"
            )
            + "certificate.pdf"
        ),
        "signin signin ok refused refused refused refused",
    ),
    (
        "the learner's Open Badge",
        lambda site: (
            site["certificate"].url.replace(
                "/lv/certificates/", "/lv/learning/certificates/"
            )
            + "badge.jwt"
        ),
        "signin signin ok refused refused refused refused",
    ),
    (
        "badge signing keys",
        lambda site: "/.well-known/jwks.json",
        "ok ok ok ok ok ok ok",
    ),
    ("certificates", admin("certificates:index"), "login login login login ok ok ok"),
    (
        "edit a lesson",
        admin("wagtailadmin_pages:edit", pk("lesson")),
        "login login login login ok ok ok",
    ),
    (
        "add a chapter",
        lambda site: reverse(
            "wagtailadmin_pages:add",
            args=("resources", "handbookchapterpage", site["handbook"].pk),
        ),
        "login login login login ok ok ok",
    ),
    (
        "edit a home page",
        admin("wagtailadmin_pages:edit", pk("home")),
        "login login login login refused ok ok",
    ),
    (
        "add a site root",
        lambda site: reverse(
            "wagtailadmin_pages:add",
            args=("home", "homepage", Page.get_first_root_node().pk),
        ),
        "login login login login refused refused ok",
    ),
    ("documents", admin("wagtaildocs:index"), "login login login login ok ok ok"),
    ("upload a document", admin("wagtaildocs:add"), "login login login login ok ok ok"),
    (
        "edit another's document",
        admin("wagtaildocs:edit", pk("document")),
        "login login login login refused ok ok",
    ),
    ("images", admin("wagtailimages:index"), "login login login login ok ok ok"),
    (
        "topics (snippet)",
        admin("wagtailsnippets_home_topic:list"),
        "login login login login refused ok ok",
    ),
    (
        "subscribers",
        admin("subscribers:index"),
        "login login login login refused refused ok",
    ),
    (
        "digest screen",
        admin("community_digest_runs"),
        "login login login login refused ok ok",
    ),
    (
        "site settings",
        lambda site: reverse(
            "wagtailsettings:edit", args=("home", "sitesettings", site["site"].pk)
        ),
        "login login login login refused refused ok",
    ),
    (
        "users",
        admin("wagtailusers_users:index"),
        "login login login login refused refused ok",
    ),
    (
        "groups",
        admin("wagtailusers_groups:index"),
        "login login login login refused refused ok",
    ),
    (
        "workflows",
        admin("wagtailadmin_workflows:index"),
        "login login login login refused refused ok",
    ),
    (
        "redirects",
        admin("wagtailredirects:index"),
        "login login login login refused refused ok",
    ),
    (
        "learners' progress",
        admin("learning_report_courses"),
        "login login login login ok ok ok",
    ),
    (
        "a course's progress",
        admin("learning_course_report", pk("course")),
        "login login login login ok ok ok",
    ),
    (
        "a course's progress (CSV)",
        admin("learning_course_report_csv", pk("course")),
        "login login login login ok ok ok",
    ),
    (
        "webinar attendance",
        admin("learning_webinar_list"),
        "login login login login ok ok ok",
    ),
    (
        "record webinar attendance",
        admin("learning_webinar_attendance", pk("webinar")),
        "login login login login ok ok ok",
    ),
]


def outcome(response):
    """What a response means, in the table's words."""
    location = response.get("Location", "")
    if response.status_code == 200:
        return "ok"
    if response.status_code == 400:
        return "bad"
    if response.status_code == 403:
        return "refused"
    if response.status_code == 302 and location.startswith(
        reverse("wagtailadmin_login")
    ):
        return "login"
    if response.status_code == 302 and location.startswith("/lv/accounts/login/"):
        return "signin"
    if response.status_code == 302 and location == reverse("wagtailadmin_home"):
        return "refused"
    return f"{response.status_code} {location}".strip()


def build():
    """The sample site, a document uploaded by an administrator, member links, a
    learner with progress."""
    site = sample_site()
    lesson = site["lesson"]
    anna = learner(LEARNER)
    complete_lesson(anna, lesson)
    certificate = issue_certificate(anna, site["course"])
    site["certificate"] = SimpleNamespace(url=verification_path(certificate))
    site["home"] = site["homes"]["lv"]
    site["site"] = Site.objects.get(is_default_site=True)
    site["document"] = document("Plāns", "plans.pdf", b"%PDF-1.7\n%%EOF\n")
    token = manage_token(subscriber(email="lasitava@example.org"))
    site["preferences"] = f"/lv/community/preferences/{token}/"
    site["forged"] = f"/lv/community/preferences/{token[:-6]}AAAAAA/"
    return site


def test_each_role_gets_exactly_what_it_should(client):
    site = build()
    wrong = []
    for column, role in enumerate(ROLES):
        client.logout()
        if role in SIGN_IN:
            client.force_login(SIGN_IN[role]())
        for what, path, expected in TABLE:
            address = path(site)
            response = client.get(address)
            got = outcome(response)
            if got != expected.split()[column]:
                wrong.append(f"{role}, {what} {address}: {got}, not {expected}")
            if role in PEERS and LEARNER.encode() in response_bytes(response):
                wrong.append(f"{role}, {what} {address}: shows the learner's data")
    assert wrong == []
    # The check above can fail: the learner's own data names them.
    client.force_login(get_user_model().objects.get(email=LEARNER))
    assert LEARNER.encode() in client.get("/lv/learning/my-data/").content


def response_bytes(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content
