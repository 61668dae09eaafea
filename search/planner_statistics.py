"""PostgreSQL's planner statistics, brought up to date after a full rebuild.

Every search asks the database one freshness statement (``search/freshness.py``) that joins
the page tree to small tables such as the locales and the wijken. Autovacuum analyses a
table only after 50 changed rows plus a tenth of the table, so those small tables are often
never analysed at all, and then the planner guesses their size: at 20,035 services it
walked every page for each search (30 ms of a 35 ms search, measured on the benchmark's
database) where with statistics it reads the nine wijk pages (1 ms).

So after a full rebuild (the nightly one, and the one after every deploy) the small tables
are analysed: 0.03 s at 20,035 services (the whole database takes 1.7 s, of which 1.1 s is
the index table; autovacuum analyses that one and the other large tables itself, as they
change by more than a tenth). SQLite keeps no statistics unless asked, and its plans are
chosen without them; nothing is done there.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection

log = logging.getLogger(__name__)

# Tables of fewer rows than this are always analysed: autovacuum leaves them alone the
# longest (a table analysed while empty and given nine rows since is never analysed again),
# and analysing one takes about a millisecond. Never analysed counts as -1 rows.
SMALL = 1000

_SMALL_TABLES = """
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.reltuples < %s
    ORDER BY c.relname
"""


def refresh() -> list[str]:
    """Analyse the small tables (PostgreSQL only); returns the tables analysed. A failure is
    only logged: the index is written, only the plans may be slower."""
    if connection.vendor != "postgresql":
        return []
    quote = connection.ops.quote_name
    try:
        with connection.cursor() as cursor:
            cursor.execute(_SMALL_TABLES, [SMALL])
            tables = [row[0] for row in cursor.fetchall()]
            if tables:
                cursor.execute("ANALYZE " + ", ".join(quote(name) for name in tables))
    except DatabaseError as error:
        log.warning("Planner statistics not refreshed (%s)", error)
        return []
    return tables
