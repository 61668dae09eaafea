"""Full-text candidate retrieval over the pre-analysed token columns of ``SearchEntry``.

* SQLite: an FTS5 table with ``SearchEntry`` as external content, kept in step by triggers.
* PostgreSQL: a generated ``tsvector`` column (``'simple'`` configuration: the tokens are
  already analysed) with a GIN index.
* Any other database: no full-text index; every entry is a candidate.

The structures are created by migrations with frozen SQL (``search/migrations/0002``);
here table, column and index names come from ``SearchEntry._meta`` and are quoted by the
database backend. A query is built only from terms our own analysis produced
(``analysis.is_safe_term``), each quoted, never from what someone typed.
"""

from __future__ import annotations

import contextlib

from django.db import connection

from search.analysis import is_safe_term
from search.record import FULLTEXT_WEIGHTS as WEIGHTS  # Dutch token column -> weight


def _entry_model():
    from search.models import SearchEntry

    return SearchEntry


def _literal(name: str) -> str:
    """A name as an SQL string literal (FTS5 options take names that way)."""
    return "'" + name.replace("'", "''") + "'"


def _names(model, quote):
    table = model._meta.db_table
    return {
        "table_literal": _literal(table),
        "id_literal": _literal(model._meta.pk.column),
        "table": quote(table),
        "fts": quote(f"{table}_fts"),
        "id": quote(model._meta.pk.column),
        "vector": quote("search_vector"),
        "index": quote(f"{table}_search_vector_gin"),
        "ai": quote(f"{table}_fts_ai"),
        "ad": quote(f"{table}_fts_ad"),
        "au": quote(f"{table}_fts_au"),
        "columns": [quote(model._meta.get_field(name).column) for name in WEIGHTS],
    }


# --------------------------------------------------------------------------- queries


def _safe_terms(terms) -> list[str]:
    return sorted({t for t in terms if is_safe_term(t)})


def match(terms, limit: int | None = None) -> list[int] | None:
    """Ids of entries containing any of the terms, best full-text rank first.

    Returns None when this database has no full-text index (then every entry is a
    candidate). Terms that our analysis could not have produced are ignored.
    """
    safe = _safe_terms(terms)
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        return None
    if not safe:
        return []
    n = _names(_entry_model(), connection.ops.quote_name)
    # Without a limit the order does not matter: ranking happens in Python.
    limit_sql = " LIMIT %s" if limit else ""
    params: list = []
    if vendor == "sqlite":
        expression = " OR ".join(f'"{t}"' for t in safe)
        weights = ", ".join(str(w) for w in WEIGHTS.values())
        order = f" ORDER BY bm25({n['fts']}, {weights})" if limit else ""
        sql = f"SELECT rowid FROM {n['fts']} WHERE {n['fts']} MATCH %s{order}{limit_sql}"
        params.append(expression)
    else:
        expression = " | ".join(f"'{t}'" for t in safe)
        sql = f"SELECT {n['id']} FROM {n['table']} WHERE {n['vector']} @@ to_tsquery('simple', %s)"
        params.append(expression)
        if limit:
            sql += f" ORDER BY ts_rank({n['vector']}, to_tsquery('simple', %s)) DESC, {n['id']}"
            params.append(expression)
    if limit:
        params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def rebuild() -> None:
    """Rebuild the SQLite FTS table from its content table (PostgreSQL needs nothing)."""
    if connection.vendor != "sqlite":
        return
    n = _names(_entry_model(), connection.ops.quote_name)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {n['fts']}({n['fts']}) VALUES ('rebuild')")


TRIGGER_SUFFIXES = ("ai", "ad", "au")  # after insert, delete, update (migration 0008)


@contextlib.contextmanager
def bulk_load():
    """Around replacing every entry, inside its transaction.

    On SQLite the triggers that index each row as it is deleted and inserted are set aside,
    and the full-text table is rebuilt once at the end: a third of the work (at 20,000
    services 1.3 s of CPU instead of 4.7 s). They are put back with the SQL SQLite kept of
    them (the migration's own); when the load fails, the rollback puts them back."""
    if connection.vendor != "sqlite":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("fulltext.bulk_load() must run inside a transaction")
    table = _entry_model()._meta.db_table
    names = [f"{table}_fts_{suffix}" for suffix in TRIGGER_SUFFIXES]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (%s, %s, %s)",
            names,
        )
        triggers = sorted(cursor.fetchall())
        for name, _ in triggers:
            cursor.execute(f"DROP TRIGGER {quote(name)}")
    yield
    rebuild()
    with connection.cursor() as cursor:
        for _, sql in triggers:
            cursor.execute(sql)
