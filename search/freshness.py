"""Whether the search's in-process caches are still in step with the database: one
statement per search.

A search keeps what rarely changes in memory (the index snapshot, the editors' synonyms,
the places known by name, the topics arranged elsewhere) and asks the database each time
whether it changed, so an edit in any process shows in the next search everywhere. Asked
one by one through the ORM that was five queries and about 6 ms of a search at 20,000
services. Here every cache registers its check once, as querysets that give one value
each (a count, a latest change); they are compiled to SQL once per database and asked
together, as scalar subqueries of one plain statement.

Inside ``one_read()`` (a whole search) the answers are read once and shared; outside it,
each ``version`` call reads only its own check.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Callable, Iterator

from django.db import connections
from django.db.models import F, Func, QuerySet

_checks: dict[str, Callable[[], list[QuerySet]]] = {}
_compiled: dict[tuple[str, tuple[str, ...]], tuple[str, list, list[int]]] = {}
_lock = threading.Lock()
_read: contextvars.ContextVar[dict | None] = contextvars.ContextVar("freshness", default=None)


def register(name: str, make: Callable[[], list[QuerySet]]) -> None:
    """``make`` gives querysets that select one value each (see ``count`` and ``latest``)."""
    _checks[name] = make


def count(queryset: QuerySet, field: str = "pk") -> QuerySet:
    """The number of rows, as a one-value queryset (no GROUP BY: one row, also when empty)."""
    return queryset.order_by().annotate(value=Func(F(field), function="COUNT")).values("value")


def latest(queryset: QuerySet, field: str) -> QuerySet:
    """The highest value of ``field``, as a one-value queryset."""
    return queryset.order_by().annotate(value=Func(F(field), function="MAX")).values("value")


def _statement(names: tuple[str, ...], alias: str) -> tuple[str, list, list[int]]:
    key = (alias, names)
    found = _compiled.get(key)
    if found is None:
        parts, params, sizes = [], [], []
        for name in names:
            querysets = _checks[name]()
            sizes.append(len(querysets))
            for queryset in querysets:
                sql, more = queryset.using(alias).query.sql_with_params()
                parts.append(f"({sql})")
                params.extend(more)
        found = ("SELECT " + ", ".join(parts), params, sizes)
        with _lock:
            _compiled[key] = found
    return found


def _ask(names: tuple[str, ...], alias: str = "default") -> dict[str, tuple]:
    sql, params, sizes = _statement(names, alias)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        row = list(cursor.fetchone())
    answers, at = {}, 0
    for name, size in zip(names, sizes, strict=True):
        answers[name] = tuple(row[at : at + size])
        at += size
    return answers


def version(name: str) -> tuple:
    """The current answer of one registered check (shared within ``one_read``)."""
    shared = _read.get()
    if shared is None:
        return _ask((name,))[name]
    if not shared:
        shared.update(_ask(tuple(sorted(_checks))))
    if name not in shared:  # registered since (its module was imported during the read)
        shared.update(_ask((name,)))
    return shared[name]


@contextlib.contextmanager
def one_read() -> Iterator[None]:
    """Within the block, every check is read once, together, on first use."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)
