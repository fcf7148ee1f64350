"""Accounts: sign-up with a confirmed email, sign-in in one's language, limits."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from learning.models import LearnerProfile
from tests.factories.learning import PASSWORD, learner


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def sign_up(client, email="ilze@biblioteka.lv", language="uk", **extra):
    return client.post(
        "/lv/accounts/signup/",
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "organisation": "Valmieras bibliotēka",
            "preferred_language": language,
            **extra,
        },
    )


def test_sign_up_needs_the_emailed_confirmation(client, site):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/lv/accounts/confirm-email/"
    user = get_user_model().objects.get(email="ilze@biblioteka.lv")
    assert user.learner_profile.organisation == "Valmieras bibliotēka"
    assert user.learner_profile.preferred_language == "uk"
    # Not confirmed yet: signing in leads back to the confirmation notice.
    client.logout()
    signin = client.post(
        "/lv/accounts/login/", {"login": "ilze@biblioteka.lv", "password": PASSWORD}
    )
    assert signin["Location"] == "/lv/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1  # not sent again within the rate limit
    confirm = path_of(link_in(mail.outbox[-1]))
    assert confirm.startswith("/lv/accounts/confirm-email/")
    page = client.get(confirm)
    assert page.status_code == 200
    assert "<h1>" in page.content.decode()
    confirmed = client.post(confirm)
    # Confirmed and signed in, to the dashboard in the preferred language.
    assert confirmed["Location"] == "/uk/learning/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_in_opens_the_preferred_language(client, site):
    learner(language="en")
    response = client.post(
        "/lv/accounts/login/", {"login": "anna@biblioteka.lv", "password": PASSWORD}
    )
    assert response["Location"] == "/en/learning/"
    dashboard = client.get("/en/learning/")
    assert dashboard.status_code == 200
    assert "My learning" in dashboard.content.decode()


def test_sign_in_page_uses_the_site_layout_and_labelled_fields(client, site):
    response = client.post(
        "/en/accounts/login/", {"login": "nobody@example.org", "password": "wrong"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="skip-link"' in html
    assert html.count("<h1") == 1
    assert '<label for="id_login">' in html
    assert '<label for="id_password">' in html
    assert 'role="alert"' in html
    assert "Sign in" in html or "Sign In" in html


def test_header_links_to_sign_in_or_my_learning(client, anna, site):
    anonymous = client.get("/lv/").content.decode()
    assert 'href="/lv/accounts/login/?next=/lv/"' in anonymous
    client.force_login(anna)
    assert 'href="/lv/learning/"' in client.get("/lv/").content.decode()


def test_password_reset_by_email(client, anna, site):
    response = client.post("/en/accounts/password/reset/", {"email": anna.email})
    assert response.status_code == 302
    reset = path_of(link_in(mail.outbox[-1]))
    form_page = client.get(reset, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset
    new = "jauna-parole-2026"
    done = client.post(action, {"password1": new, "password2": new})
    assert done.status_code == 302
    anna.refresh_from_db()
    assert anna.check_password(new)


def test_failed_sign_ins_are_rate_limited(client, anna, site):
    def sign_in(password):
        return client.post(
            "/en/accounts/login/", {"login": anna.email, "password": password}
        )

    for _ in range(5):
        assert "Too many failed login attempts" not in sign_in("wrong").content.decode()
    refused = sign_in("wrong")
    assert "Too many failed login attempts" in refused.content.decode()
    # Even the right password waits now: the limit is per address.
    assert sign_in(PASSWORD).status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_ups_are_rate_limited(client, site):
    statuses = [sign_up(client, f"user{i}@example.org").status_code for i in range(6)]
    assert statuses[0] == 302
    assert statuses[-1] == 429
    assert get_user_model().objects.count() == statuses.count(302)


@pytest.mark.parametrize("language", ["lv", "uk", "ru"])
def test_account_pages_speak_the_readers_language(client, site, language):
    html = client.get(f"/{language}/accounts/signup/").content.decode()
    assert f'<html lang="{language}">' in html
    assert "Sign Up" not in html


def test_profile_changes_language_and_organisation(client, anna, site):
    client.force_login(anna)
    response = client.post(
        "/lv/learning/profile/", {"preferred_language": "ru", "organisation": "LNB"}
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=anna)
    assert (profile.preferred_language, profile.organisation) == ("ru", "LNB")
    bad = client.post("/lv/learning/profile/", {"preferred_language": "xx"})
    assert bad.status_code == 400
    assert 'aria-invalid="true"' in bad.content.decode()
