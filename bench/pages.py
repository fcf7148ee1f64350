"""Chosen page rows of `make bench`, uncached, against a bench site built once.

    python -m bench.search build            # the full profile's site (a few minutes)
    python -m bench.pages                   # every page row but the searches
    python -m bench.pages home detail       # only the rows of these kinds
    python -m bench.pages "webinar index"   # or of these labels

The minimal view is always timed first, for the "x minimal" column. Run by two
checkouts on one database in turn, it times old and new code on the same data.
"""

import sys

from bench.run import (
    PROFILES,
    TIMING_HEADER,
    measure,
    pages,
    print_table,
    setup_django,
    timing_lines,
)

PAGE_KINDS = ("home", "index", "detail")


def chosen_rows(names):
    """The minimal view's row, then the rows whose kind or label is named."""
    names = names or PAGE_KINDS
    rows = pages()
    return [rows[0]] + [row for row in rows[1:] if row[0] in names or row[1] in names]


def main(names):
    setup_django()
    from django.test import Client, override_settings

    from config import celery_app

    celery_app.conf.task_always_eager = False
    profile = PROFILES["full"]
    rows = []
    with override_settings(PAGE_CACHE_SECONDS=0, SEARCH_CACHE_SECONDS=0):
        client = Client()
        for label, kind, url in chosen_rows(names):
            figures = measure(client, url, profile["requests"], profile["warmup"])
            rows.append((label, kind, figures))
    print("Anonymous GETs, uncached:")
    print_table(TIMING_HEADER, timing_lines(rows))
    celery_app.control.purge()


if __name__ == "__main__":
    main(sys.argv[1:])
