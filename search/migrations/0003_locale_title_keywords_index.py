"""Index the stemmed titles by locale in byte order, for the autocomplete.

The autocomplete lists titles by their stems (search/query.py): from this index
it reads the first few titles starting with a word in order, where ranking every
title a common start matches read thousands of rows. COLLATE "C": the order a
LIKE 'start%' range can be read in, whatever the database's collation.
"""

from django.db import migrations

FORWARD = (
    "CREATE INDEX IF NOT EXISTS search_entry_locale_title_key "
    'ON search_searchentry (locale_id, (title_keywords COLLATE "C"))'
)
BACKWARD = "DROP INDEX IF EXISTS search_entry_locale_title_key"


def run_on_postgres(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_locale_vector_indexes_inline_vectors_topic_ids"),
    ]

    operations = [
        migrations.RunPython(run_on_postgres(FORWARD), run_on_postgres(BACKWARD)),
    ]
