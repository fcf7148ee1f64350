"""The production profile refuses to start without secrets and passes check --deploy."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
)

PROJECT = Path(__file__).resolve().parent.parent
PROFILE_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "CREDENTIALS_SIGNING_KEY",
    "DATABASE_URL",
    "REDIS_URL",
)
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/libri",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "libri.example.org",
    "CREDENTIALS_SIGNING_KEY": Ed25519PrivateKey.generate()
    .private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    .decode()
    .replace("\n", "\\n"),
}


def manage(*args, **env):
    base = {
        key: value for key, value in os.environ.items() if key not in PROFILE_VARIABLES
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_exits_with_a_clear_message():
    result = manage("check", "--deploy", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_without_redis_exits_with_a_clear_message():
    env = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50)}
    del env["REDIS_URL"]
    result = manage("check", "--deploy", **env)
    assert result.returncode != 0
    assert "REDIS_URL is not set" in result.stderr


def test_production_without_credentials_signing_key_exits_with_a_clear_message():
    env = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50)}
    del env["CREDENTIALS_SIGNING_KEY"]
    result = manage("check", "--deploy", **env)
    assert result.returncode != 0
    assert "CREDENTIALS_SIGNING_KEY is not set" in result.stderr


def test_production_passes_check_deploy_without_warnings():
    env = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50)}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_development_profile_needs_neither_redis_nor_postgres():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER,"
        " s.CACHES['default']['BACKEND'])",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
    )
    assert result.returncode == 0, result.stderr
    engine, eager, cache = result.stdout.splitlines()[-1].split()
    assert engine == "django.db.backends.sqlite3"
    assert eager == "True"
    assert cache.endswith("LocMemCache")


def test_production_stores_media_in_object_storage_when_a_bucket_is_set():
    env = {
        **PRODUCTION_ENV,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "AWS_STORAGE_BUCKET_NAME": "libri-media",
        "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
        "AWS_ACCESS_KEY_ID": "example-key",
        "AWS_SECRET_ACCESS_KEY": "example-secret",
    }
    script = (
        "from django.core.files.storage import storages; s = storages['default']; "
        "from django.conf import settings; "
        "print(type(s).__name__, settings.WAGTAILDOCS_SERVE_METHOD, "
        "s.url('documents/slides.pdf'))"
    )
    result = manage("shell", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    backend, serve_method, url = result.stdout.splitlines()[-1].split()
    assert (backend, serve_method) == ("S3Storage", "redirect")
    assert url.startswith(
        "https://objects.example.org/libri-media/documents/slides.pdf?"
    )
    assert "Signature=" in url or "X-Amz-Signature=" in url
