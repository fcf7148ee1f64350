"""`make backup` and `make restore` round-trip the database and the media files."""

import subprocess
import uuid

from django.core.files.base import ContentFile
from django.db import connection

from wagtail.documents.models import Document
from wagtail.models import Page

import psycopg
import pytest

from community.models import ConsentEvent, Subscriber
from tests.factories.community import subscriber
from tests.factories.pages import build_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COUNTED_TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtaildocs_document",
    "community_subscriber",
    "community_consentevent",
    "home_topic",
]


def database_url(name):
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    return f"postgres://{user}@{settings['HOST']}:{settings['PORT']}/{name}"


def admin_connection():
    return psycopg.connect(database_url("postgres"), autocommit=True)


def counts(url):
    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in COUNTED_TABLES
        }


@pytest.fixture
def restore_database():
    name = f"libri_restore_{uuid.uuid4().hex[:8]}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make(target, **variables):
    arguments = [f"{key}={value}" for key, value in variables.items()]
    result = subprocess.run(
        ["make", "--no-print-directory", target, *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_backup_restores_into_a_new_database_with_the_same_rows_and_files(
    tmp_path, settings, restore_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    build_site()
    member = subscriber(email="lasitava@example.org", name="Lasītava")
    ConsentEvent.objects.create(
        subscriber=member, email_hash="0" * 64, action="confirmed", source="form"
    )
    document = Document(title="Memorands")
    document.file.save("memorands.pdf", ContentFile(b"%PDF-1.7 LIBRI"), save=True)
    source = database_url(connection.settings_dict["NAME"])
    backup_dir = tmp_path / "backup"

    make(
        "backup",
        BACKUP_DIR=backup_dir,
        DATABASE_URL=source,
        MEDIA_ROOT=tmp_path / "media",
    )
    restored_media = tmp_path / "restored-media"
    make(
        "restore",
        BACKUP_DIR=backup_dir,
        DATABASE_URL=restore_database,
        MEDIA_ROOT=restored_media,
    )

    assert counts(restore_database) == counts(source)
    assert counts(source)["wagtailcore_page"] == Page.objects.count() > 4
    assert counts(source)["community_subscriber"] == Subscriber.objects.count() == 1
    restored_file = restored_media / document.file.name
    assert restored_file.read_bytes() == b"%PDF-1.7 LIBRI"
    with psycopg.connect(restore_database) as conn:
        email = conn.execute("SELECT email FROM community_subscriber").fetchone()[0]
    assert email == "lasitava@example.org"


def test_restore_refuses_a_folder_without_a_backup(tmp_path):
    result = subprocess.run(
        ["make", "--no-print-directory", "restore", f"BACKUP_DIR={tmp_path}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "Set BACKUP_DIR to a folder made by make backup" in result.stdout
