"""Every response carries the security headers; production adds HTTPS-only ones."""

import json
import re
import secrets

import pytest

from tests.factories.staff import administrator, sample_site
from tests.test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def test_public_pages_get_a_strict_policy_and_the_other_headers(client):
    pages = sample_site()
    for path in ["/lv/", pages["lesson"].url, pages["webinar"].url, "/lv/search/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = directives(response)
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]
        assert "microphone=()" in response["Permissions-Policy"]


def test_the_admin_has_its_own_policy_that_still_refuses_other_hosts(client):
    client.force_login(administrator())
    response = client.get("/admin/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_production_headers_and_cookies_are_https_only():
    env = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50)}
    script = (
        "import json; from django.conf import settings as s;"
        "from django.test import Client; c = Client();"
        "r = c.get('/healthz', secure=True, HTTP_HOST='libri.example.org');"
        "p = c.get('/healthz', HTTP_HOST='libri.example.org');"
        "print(json.dumps({'headers': dict(r.headers), 'plain': p.status_code,"
        " 'cookies': [s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE]}))"
    )
    result = manage("shell", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    headers = seen["headers"]
    assert headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert re.search(r"script-src 'self'(;|$)", headers["Content-Security-Policy"])
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert seen["plain"] == 301
    assert seen["cookies"] == [True, True, True, "Lax"]
