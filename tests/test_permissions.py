"""Who gets what: every role against the site's URLs, public and admin, in one table.

Each cell is what the response must be:
  ok       200
  login    a redirect to the admin's sign-in page
  refused  403, or Wagtail's redirect to the dashboard with "no permission"
  bad      400 (a link token that does not check out)
"""

from django.urls import reverse

from wagtail.models import Page, Site

import pytest

from community.tokens import manage_token
from tests.factories.community import subscriber
from tests.factories.resources import document
from tests.factories.staff import administrator, moderator, sample_site, trainer

pytestmark = pytest.mark.django_db

# Learner accounts (learning/) add their roles here, e.g. "learner" and
# "another_learner", with a column each in TABLE below and a sign-in in SIGN_IN.
ROLES = ("anonymous", "member", "trainer", "moderator", "administrator")
SIGN_IN = {
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


# (what, path from the site, expected per role in ROLES order)
TABLE = [
    ("home page", lambda site: "/lv/", "ok ok ok ok ok"),
    ("content page", url("about"), "ok ok ok ok ok"),
    ("lesson", url("lesson"), "ok ok ok ok ok"),
    ("handbook chapter", url("chapter"), "ok ok ok ok ok"),
    ("webinar", url("webinar"), "ok ok ok ok ok"),
    ("webinar .ics", lambda site: site["webinar"].url + "ics/", "ok ok ok ok ok"),
    ("search", lambda site: "/lv/search/?query=LIBRI", "ok ok ok ok ok"),
    ("subscribe page", url("subscribe"), "ok ok ok ok ok"),
    ("document", lambda site: site["document"].url, "ok ok ok ok ok"),
    ("own preferences link", lambda site: site["preferences"], "ok ok ok ok ok"),
    ("forged preferences link", lambda site: site["forged"], "bad bad bad bad bad"),
    (
        "forged unsubscribe link",
        lambda site: site["forged"].replace(
            "/lv/community/preferences", "/unsubscribe"
        ),
        "bad bad bad bad bad",
    ),
    ("certificate lookup", lambda site: "/lv/certificates/", "ok ok ok ok ok"),
    ("badge signing keys", lambda site: "/.well-known/jwks.json", "ok ok ok ok ok"),
    ("admin dashboard", admin("wagtailadmin_home"), "login login ok ok ok"),
    ("certificates", admin("certificates:index"), "login login ok ok ok"),
    ("page explorer", admin("wagtailadmin_explore_root"), "login login ok ok ok"),
    (
        "edit a lesson",
        admin("wagtailadmin_pages:edit", pk("lesson")),
        "login login ok ok ok",
    ),
    (
        "add a chapter",
        lambda site: reverse(
            "wagtailadmin_pages:add",
            args=("resources", "handbookchapterpage", site["handbook"].pk),
        ),
        "login login ok ok ok",
    ),
    (
        "edit a home page",
        admin("wagtailadmin_pages:edit", pk("home")),
        "login login refused ok ok",
    ),
    (
        "add a site root",
        lambda site: reverse(
            "wagtailadmin_pages:add",
            args=("home", "homepage", Page.get_first_root_node().pk),
        ),
        "login login refused refused ok",
    ),
    ("documents", admin("wagtaildocs:index"), "login login ok ok ok"),
    ("upload a document", admin("wagtaildocs:add"), "login login ok ok ok"),
    (
        "edit another's document",
        admin("wagtaildocs:edit", pk("document")),
        "login login refused ok ok",
    ),
    ("images", admin("wagtailimages:index"), "login login ok ok ok"),
    (
        "topics (snippet)",
        admin("wagtailsnippets_home_topic:list"),
        "login login refused ok ok",
    ),
    ("subscribers", admin("subscribers:index"), "login login refused refused ok"),
    ("digest screen", admin("community_digest_runs"), "login login refused ok ok"),
    (
        "site settings",
        lambda site: reverse(
            "wagtailsettings:edit", args=("home", "sitesettings", site["site"].pk)
        ),
        "login login refused refused ok",
    ),
    ("users", admin("wagtailusers_users:index"), "login login refused refused ok"),
    ("groups", admin("wagtailusers_groups:index"), "login login refused refused ok"),
    (
        "workflows",
        admin("wagtailadmin_workflows:index"),
        "login login refused refused ok",
    ),
    ("redirects", admin("wagtailredirects:index"), "login login refused refused ok"),
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
    if response.status_code == 302 and location == reverse("wagtailadmin_home"):
        return "refused"
    return f"{response.status_code} {location}".strip()


def build():
    """The sample site, a document uploaded by an administrator, member links."""
    site = sample_site()
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
            got = outcome(client.get(address))
            if got != expected.split()[column]:
                wrong.append(f"{role}, {what} {address}: {got}, not {expected}")
    assert wrong == []
