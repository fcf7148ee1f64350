"""Headless Chromium (Debian's) driven by Playwright, with a screenshot per step."""

import os
import re
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, connections

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "e2e"


@pytest.fixture
def browser(monkeypatch):
    """Chromium for one test: its event loop stops before the database is flushed."""
    if not Path(CHROMIUM).exists():
        pytest.exit(
            f"Chromium not found at {CHROMIUM}: install it with "
            "`apt-get install -y chromium` (or set CHROMIUM_PATH).",
            returncode=3,
        )
    # Playwright's sync API runs an event loop in this thread; the ORM calls a test
    # makes between browser steps are still ordinary synchronous calls. While the
    # loop runs, Django hands out connections of their own, closed here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()
        connections.close_all()


class Steps:
    """Saves a numbered screenshot per step under test-output/e2e/<test>/."""

    def __init__(self, page, folder):
        self.page = page
        self.folder = folder
        self.count = 0
        folder.mkdir(parents=True, exist_ok=True)

    def shot(self, name):
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)
        return path


@pytest.fixture
def phone(browser, request):
    """A 320 px wide page whose browser prefers Latvian, and its step recorder."""
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, locale="lv-LV"
    )
    page = context.new_page()
    folder = OUTPUT / re.sub(r"[^\w-]+", "_", request.node.name)
    yield page, Steps(page, folder)
    context.close()


AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """Run axe-core (WCAG 2.1 A and AA rules) on the page; one line per violation."""
    if not AXE.exists():
        pytest.exit(
            f"axe-core not found at {AXE}: run `npm ci --prefix tests/e2e`.",
            returncode=3,
        )
    # Evaluated through the DevTools protocol: the site's Content Security Policy
    # (no inline script) would refuse a <script> element holding axe.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


@pytest.fixture
def desktop(browser, request):
    """A 1280 px wide page whose browser prefers Latvian, and its step recorder."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="lv-LV"
    )
    page = context.new_page()
    folder = OUTPUT / re.sub(r"[^\w-]+", "_", request.node.name)
    yield page, Steps(page, folder)
    context.close()


DEMO_SNAPSHOT = "demo_snapshot"  # a schema beside public, out of the flush's reach


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    """The demo's files: written once per process, read by every demo test."""
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture
def demo(transactional_db, settings, demo_media):
    """The demo site of `load_demo`, in the database and under MEDIA_ROOT.

    Building it takes a quarter of a minute. The first test of a process builds it
    and copies every table into a schema of its own, which the flush at the end of
    a transactional test does not reach; later tests copy the rows back (a second).
    """
    settings.MEDIA_ROOT = demo_media
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [DEMO_SNAPSHOT])
        if cursor.fetchone():
            restore_demo(cursor)
        else:
            call_command("load_demo")
            snapshot_demo(cursor)


def demo_tables():
    return sorted(connection.introspection.django_table_names(only_existing=True))


def snapshot_demo(cursor):
    cursor.execute(f"CREATE SCHEMA {DEMO_SNAPSHOT}")
    for table in demo_tables():
        cursor.execute(
            f'CREATE TABLE {DEMO_SNAPSHOT}."{table}" AS TABLE public."{table}"'
        )


def restore_demo(cursor):
    """Every table emptied and refilled from the snapshot, sequences past its ids."""
    tables = demo_tables()
    cursor.execute(
        "TRUNCATE " + ", ".join(f'public."{table}"' for table in tables) + " CASCADE"
    )
    # Rows go in table by table: foreign keys are checked by triggers, off meanwhile.
    cursor.execute("SET session_replication_role = replica")
    try:
        for table in tables:
            source = f'{DEMO_SNAPSHOT}."{table}"'  # names from the database's catalogue
            cursor.execute(f'INSERT INTO public."{table}" SELECT * FROM {source}')  # noqa: S608
    finally:
        cursor.execute("SET session_replication_role = DEFAULT")
    models = apps.get_models(include_auto_created=True)
    for statement in connection.ops.sequence_reset_sql(no_style(), models):
        cursor.execute(statement)
