"""Full-text index over SearchEntry's token columns: SQLite FTS5 or a PostgreSQL tsvector.

Names come from the model's db_table and are quoted by the database (see search/fts.py).
"""

from django.db import migrations

from search.engines.embedded import fulltext as fts


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(fts.install, fts.uninstall)]
