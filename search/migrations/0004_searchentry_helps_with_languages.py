"""SearchEntry follows the record's FIELDS: ``phrases`` is called ``helps_with`` like the
record field, and the new ``languages`` (ISO 639-1 codes) gets its column.

On SQLite, adding a column with a default makes Django rebuild the table, which drops the
full-text triggers; so the full-text structures of 0002 (its frozen SQL) are dropped first
and re-created and refilled afterwards. PostgreSQL's generated column needs nothing.
Existing rows get no languages until the next ``rebuild_search_index``.
"""

import importlib

from django.db import migrations, models

FULLTEXT = importlib.import_module("search.migrations.0002_fulltext")  # frozen SQL
REFILL = 'INSERT INTO "search_searchentry_fts"("search_searchentry_fts") VALUES (\'rebuild\')'


def _sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_index_state")]

    operations = [
        migrations.RunPython(
            _sqlite(FULLTEXT.SQLITE_REVERSE), _sqlite([*FULLTEXT.SQLITE, REFILL])
        ),
        migrations.RenameField("searchentry", "phrases", "helps_with"),
        migrations.AddField(
            model_name="searchentry",
            name="languages",
            field=models.JSONField(default=list),
        ),
        migrations.RunPython(
            _sqlite([*FULLTEXT.SQLITE, REFILL]), _sqlite(FULLTEXT.SQLITE_REVERSE)
        ),
    ]
