"""Production: every secret from the environment, HTTPS only, Redis required."""

import sys

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CREDENTIALS_SIGNING_KEY, REDIS_URL, env

try:
    SECRET_KEY = env("SECRET_KEY")
except ImproperlyConfigured:
    sys.exit(
        "LIBRI refuses to start: SECRET_KEY is not set. Set the SECRET_KEY environment "
        "variable to a long random string, for example the output of\n"
        "  python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
if not CREDENTIALS_SIGNING_KEY:
    sys.exit(
        "LIBRI refuses to start: CREDENTIALS_SIGNING_KEY is not set. It signs the "
        "learners' Open Badges and must stay the same across deployments. Make one "
        "with\n  openssl genpkey -algorithm ed25519"
    )
if not REDIS_URL:
    sys.exit(
        "LIBRI refuses to start: REDIS_URL is not set. Production needs Redis for the "
        "cache and the Celery broker, e.g. REDIS_URL=redis://redis:6379/0"
    )

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Media and documents (webinar recordings are large) go to S3-compatible object
# storage when a bucket is configured, so any number of web processes share them;
# documents are then served by a signed redirect, and the storage answers range
# requests for video seeking itself.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "redirect"
