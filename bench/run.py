"""`make bench`: build a large site on PostgreSQL and time its pages in-process.

Every figure is printed beside the minimal Django view measured in the same run.
Profiles: full (5,000 pages) and quick (400 pages, fewer requests).
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROFILES = {
    "full": {"pages": 5000, "requests": 300, "warmup": 30},
    "quick": {"pages": 400, "requests": 60, "warmup": 10},
}
BENCH_DATABASE = "libri_bench"


def setup_django():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/libri")
    os.environ["DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + BENCH_DATABASE
    import django

    django.setup()


def recreate_database():
    """A fresh, migrated bench database (dropped and made again every run)."""
    from django.core.management import call_command
    from django.db import connection

    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    call_command("migrate", verbosity=0, interactive=False)


def measure(client, url, requests, warmup):
    """p50 and p95 in milliseconds, and the queries of one request."""
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # Django empties the query log when a request starts; keep it for the count.
    request_started.disconnect(reset_queries)

    for _ in range(warmup):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    quantiles = statistics.quantiles(timings, n=100)
    return {"p50": quantiles[49], "p95": quantiles[94], "queries": query_count}


def targets():
    """(label, url, p50 target in ms, query target) for each page measured."""
    from home.models import ContentPage

    detail = ContentPage.objects.live().filter(depth=4, locale__language_code="lv")
    english = ContentPage.objects.live().filter(depth=4, locale__language_code="en")
    return [
        ("minimal Django view", "/bench/minimal", None, None),
        ("home page (lv)", "/lv/", 15, 12),
        ("content page (lv)", detail.first().url, 8, 12),
        ("content page (en)", english.last().url, 8, 12),
        ("search (lv)", "/lv/search/?query=partnerība", None, None),
    ]


def verdict(value, target):
    if target is None:
        return "-"
    return "pass" if value <= target else "MISS"


COLUMNS = [
    "page",
    "queries",
    "p50 ms",
    "p95 ms",
    "x minimal",
    "p50 target",
    "",
    "query target",
    "",
]


def print_table(rows):
    """One line per page; ratios against the minimal view's p50 in the same run."""
    baseline = rows[0][1]["p50"]
    lines = [COLUMNS]
    for label, figures, p50_target, query_target in rows:
        lines.append(
            [
                label,
                str(figures["queries"]),
                f"{figures['p50']:.2f}",
                f"{figures['p95']:.2f}",
                f"{figures['p50'] / baseline:.1f}",
                f"{p50_target} ms" if p50_target else "-",
                verdict(figures["p50"], p50_target),
                str(query_target) if query_target else "-",
                verdict(figures["queries"], query_target),
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    for number, line in enumerate(lines):
        cells = [line[0].ljust(widths[0])]
        cells += [
            cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)
        ]
        print("  ".join(cells))
        if number == 0:
            print("-" * (sum(widths) + 2 * (len(widths) - 1)))


def main(profile_name):
    profile = PROFILES[profile_name]
    setup_django()
    from django.test import Client, override_settings

    started = time.perf_counter()
    recreate_database()
    from bench import dataset

    dataset.build(profile["pages"])
    build_seconds = time.perf_counter() - started
    from wagtail.models import Page

    print(
        f"\nLIBRI bench, profile {profile_name}: {Page.objects.count()} pages on "
        f"PostgreSQL, DEBUG off, built in {build_seconds:.0f} s; "
        f"{profile['requests']} timed requests per row, in-process.\n"
    )
    rows = []
    with override_settings(ROOT_URLCONF="bench.urls"):
        client = Client()
        for label, url, p50_target, query_target in targets():
            figures = measure(client, url, profile["requests"], profile["warmup"])
            rows.append((label, figures, p50_target, query_target))
    print_table(rows)
    print(f"\nTotal {time.perf_counter() - started:.0f} s.")
    # The digest bench: its own database, workers and SMTP sink (bench/digests.py).
    subprocess.run([sys.executable, "-m", "bench.digests", profile_name], check=True)  # noqa: S603


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "full")
