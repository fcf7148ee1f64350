"""Only the search rows of `make bench`, against a bench database built once.

    python -m bench.search build   # the full profile's site (a few minutes)
    python -m bench.search         # time the search rows on it, both cache modes

Reusing the built site lets a change to the search be measured in a minute, and
old and new code be timed turn about on the same data.
"""

import sys

from bench.run import (
    PAGE_CACHE_MODES,
    PROFILES,
    TIMING_HEADER,
    measure,
    pages,
    print_p95_verdicts,
    print_table,
    setup_django,
    timing_lines,
)

KINDS = ("minimal", "search", "autocomplete")


def build():
    from django.core.cache import cache

    from bench import dataset
    from bench.run import recreate_database

    recreate_database()
    dataset.build(PROFILES["full"]["pages"], demo=PROFILES["full"]["demo"])
    cache.clear()


def time_search_rows(requests, warmup):
    from django.core.cache import cache
    from django.test import Client, override_settings

    from config import celery_app

    celery_app.conf.task_always_eager = False
    measured = [row for row in pages() if row[1] in KINDS]
    for mode, seconds in PAGE_CACHE_MODES.items():
        cache.clear()
        rows = []
        with override_settings(
            PAGE_CACHE_SECONDS=seconds, SEARCH_CACHE_SECONDS=seconds
        ):
            client = Client()
            for label, kind, url in measured:
                rows.append((label, kind, measure(client, url, requests, warmup)))
        print(f"Anonymous GETs, {mode}:")
        print_table(TIMING_HEADER, timing_lines(rows))
        print_p95_verdicts(rows)
        print()
    celery_app.control.purge()


def main(args):
    setup_django()
    if args[:1] == ["build"]:
        build()
        return
    profile = PROFILES["full"]
    time_search_rows(profile["requests"], profile["warmup"])


if __name__ == "__main__":
    main(sys.argv[1:])
