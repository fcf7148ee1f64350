"""Index the vectors with the locale, keep them in the row, count topics from an array.

Every search filters by locale: a GIN index on (locale_id, vector) (btree_gin)
finds one language's matches without reading the other's rows. The vectors,
titles and topics are read for every match when counting and ranking, so they
stay in the row (storage MAIN) while the long texts move to TOAST
(toast_tuple_target): a narrow row, no TOAST fetch per match. The UPDATE
rewrites the vectors so that the new storage applies, and fills ``topic_ids``.
"""

from django.db import migrations

import search.models

# Read for each match; everything else (the long texts) goes to TOAST.
IN_ROW = ["vector", "title_vector", "title", "title_keywords", "topic_ids"]
FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE INDEX IF NOT EXISTS search_entry_locale_vector_gin "
    "ON search_searchentry USING gin (locale_id, vector)",
    "CREATE INDEX IF NOT EXISTS search_entry_locale_title_vector_gin "
    "ON search_searchentry USING gin (locale_id, title_vector)",
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    "DROP INDEX IF EXISTS search_entry_title_vector_gin",
    "ALTER TABLE search_searchentry "
    + ", ".join(f"ALTER COLUMN {column} SET STORAGE MAIN" for column in IN_ROW)
    + ", SET (toast_tuple_target = 128)",
    """UPDATE search_searchentry AS e SET
        vector = e.vector || ''::tsvector,
        title_vector = e.title_vector || ''::tsvector,
        topic_ids = ARRAY(
            SELECT t.topic_id FROM search_searchentry_topics AS t
            WHERE t.searchentry_id = e.page_id
        )""",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin "
    "ON search_searchentry USING gin (vector)",
    "CREATE INDEX IF NOT EXISTS search_entry_title_vector_gin "
    "ON search_searchentry USING gin (title_vector)",
    "DROP INDEX IF EXISTS search_entry_locale_vector_gin",
    "DROP INDEX IF EXISTS search_entry_locale_title_vector_gin",
    "ALTER TABLE search_searchentry "
    + ", ".join(f"ALTER COLUMN {column} SET STORAGE EXTENDED" for column in IN_ROW)
    + ", RESET (toast_tuple_target)",
]


def run_on_postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_entry"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="topic_ids",
            field=search.models.IdArrayField(),
        ),
        migrations.RunPython(run_on_postgres(FORWARD), run_on_postgres(BACKWARD)),
    ]
