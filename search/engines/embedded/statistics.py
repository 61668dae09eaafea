"""PostgreSQL's planner statistics, brought up to date after a full rebuild.

Every search asks the database one freshness statement (``search/freshness.py``) that joins
the page tree to small tables such as the locales and the wijken. Autovacuum analyses a
table only after 50 changed rows plus a tenth of the table, so those small tables are often
never analysed at all, and then the planner guesses their size: at 20,035 services it
walked every page for each search (30 ms of a 35 ms search, measured on the benchmark's
database) where with statistics it reads the nine wijk pages (1 ms).

So after a full rebuild (the nightly one, and the one after every deploy) the tables that
were never analysed or have changed since their last analysis are analysed, together with
the index table the rebuild has just rewritten. SQLite keeps no statistics unless asked,
and its plans are chosen without them; nothing is done there.
"""

from __future__ import annotations

from django.db import connection

_STALE_TABLES = """
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE c.relkind = 'r' AND n.nspname = current_schema()
      AND (c.reltuples < 0 OR s.n_mod_since_analyze > 0 OR c.relname = %s)
    ORDER BY c.relname
"""


def refresh(index_table: str) -> list[str]:
    """Analyse what needs it (PostgreSQL only); returns the tables analysed."""
    if connection.vendor != "postgresql":
        return []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(_STALE_TABLES, [index_table])
        tables = [row[0] for row in cursor.fetchall()]
        if tables:
            cursor.execute("ANALYZE " + ", ".join(quote(name) for name in tables))
    return tables
