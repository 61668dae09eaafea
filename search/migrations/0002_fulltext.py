"""Full-text index over SearchEntry's token columns: SQLite FTS5 or a PostgreSQL tsvector.

Frozen: the SQL is written out here as it was when this migration was made, so a fresh
``migrate`` never depends on today's code (``search.engines.embedded.fulltext``). A later
change to the token columns gets its own migration that drops and re-creates these.
"""

from django.db import migrations

COLUMNS = '"helps_with_tokens", "title_tokens", "summary_tokens", "body_tokens", "extra_tokens"'
NEW = ", ".join(f"new.{c}" for c in COLUMNS.split(", "))
OLD = ", ".join(f"old.{c}" for c in COLUMNS.split(", "))
FTS = '"search_searchentry_fts"'
TABLE = '"search_searchentry"'

SQLITE = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='search_searchentry', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    f'CREATE TRIGGER "search_searchentry_fts_ai" AFTER INSERT ON {TABLE} BEGIN '
    f'INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new."id", {NEW}); END',
    f'CREATE TRIGGER "search_searchentry_fts_ad" AFTER DELETE ON {TABLE} BEGIN '
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.\"id\", {OLD}); END",
    f'CREATE TRIGGER "search_searchentry_fts_au" AFTER UPDATE ON {TABLE} BEGIN '
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.\"id\", {OLD}); "
    f'INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new."id", {NEW}); END',
]
SQLITE_REVERSE = [
    'DROP TRIGGER IF EXISTS "search_searchentry_fts_ai"',
    'DROP TRIGGER IF EXISTS "search_searchentry_fts_ad"',
    'DROP TRIGGER IF EXISTS "search_searchentry_fts_au"',
    f"DROP TABLE IF EXISTS {FTS}",
]
_WEIGHTED = " || ".join(
    f"setweight(to_tsvector('simple'::regconfig, coalesce({column}, '')), '{label}')"
    for column, label in zip(COLUMNS.split(", "), "ABCDD", strict=True)
)
POSTGRESQL = [
    f'ALTER TABLE {TABLE} ADD COLUMN "search_vector" tsvector '
    f"GENERATED ALWAYS AS ({_WEIGHTED}) STORED",
    f'CREATE INDEX "search_searchentry_search_vector_gin" ON {TABLE} USING GIN ("search_vector")',
]
POSTGRESQL_REVERSE = [
    'DROP INDEX IF EXISTS "search_searchentry_search_vector_gin"',
    f'ALTER TABLE {TABLE} DROP COLUMN IF EXISTS "search_vector"',
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
