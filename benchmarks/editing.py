#!/usr/bin/env python
"""What an editor waits for when a save reaches many services, before and after the queue.

    .venv/bin/python benchmarks/editing.py [--services 5000]
    DATABASE_URL=postgres://.../throwaway .venv/bin/python benchmarks/editing.py

In a throwaway database (a temporary SQLite file, or the EMPTY database DATABASE_URL names)
it loads the demo catalogue, adds N generated services, builds the index, and renames the
theme with the most services three ways:
1. before: the old receiver, every service reindexed one by one inside the save;
2. after: the save records the ids and enqueues one task (search.queue), then returns;
3. the worker's bulk pass over the waiting ids (what ``db_worker`` runs).
Elasticsearch is switched off; Wagtail's own index and reference index are off for all three
(the page generation switches them off), so the rows differ only in the search reindex.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from benchmarks.dutch_corpus import generate_services  # noqa: E402
from benchmarks.search import disconnect_index_signals, setup_django  # noqa: E402


def timed(action) -> tuple[float, int]:
    """Seconds and database queries of one call."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        action()
        seconds = time.perf_counter() - started
    return seconds, len(queries)


def old_receiver(sender, instance, **kwargs):
    """The receiver before the queue: each related service reindexed inside the save."""
    from search import indexing, signals

    indexing.reindex_pages(signals._related_services(instance))


def rename(theme, name: str) -> None:
    theme.name = name
    theme.save()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--database", type=Path, help="SQLite file (default: a temporary one)")
    options = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory()
    database = options.database
    if database is None and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        database = Path(tmp.name) / "editing.sqlite3"
    setup_django(database)
    from django.test import override_settings

    from search import queue

    # The queue as in development and production (the test settings run it immediately).
    override_settings(
        TASKS={queue.BACKEND: {"BACKEND": "django_tasks_db.DatabaseBackend"},
               "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ).enable()  # fmt: skip
    from django.db import connection
    from django.db.models import Count
    from django.db.models.signals import post_save
    from django_tasks_db.models import DBTaskResult

    from cms.demo import load_catalogue
    from cms.models import Theme
    from search import indexing, signals
    from search.models import SearchEntry

    print(f"Database: {connection.vendor} {database or connection.settings_dict['NAME']}")
    load_catalogue()
    disconnect_index_signals()
    started = time.perf_counter()
    generated = generate_services(options.services, seed=42)
    print(f"Generated {generated} services in {time.perf_counter() - started:.1f} s")
    report = indexing.rebuild(elastic=False)
    print(f"Index built: {report.services} services in {report.embedded_seconds:.1f} s")

    theme = Theme.objects.annotate(n=Count("servicepage")).order_by("-n").first()
    touched = theme.n
    uid = f"{signals.UID}-Theme"

    post_save.disconnect(sender=Theme, dispatch_uid=uid)
    post_save.connect(old_receiver, sender=Theme, dispatch_uid="benchmark-old")
    before, before_queries = timed(lambda: rename(theme, f"{theme.name} (oud)"))
    post_save.disconnect(sender=Theme, dispatch_uid="benchmark-old")
    post_save.connect(signals.snippet_saved, sender=Theme, dispatch_uid=uid)

    after, after_queries = timed(lambda: rename(theme, f"{theme.name} (nieuw)"))
    waiting = queue.waiting()
    done = []  # what the task's function returns, called as the worker calls it
    tasks = DBTaskResult.objects.ready().count()
    worker, worker_queries = timed(lambda: done.append(queue.reindex_pending.call()))
    fresh = sum(
        any(t["name"] == theme.name for t in themes)
        for themes in SearchEntry.objects.values_list("themes", flat=True)
    )

    rows = [
        ("save the theme: before (inline, one by one)", f"{before:.2f} s", before_queries),
        ("save the theme: after (ids queued, one task)", f"{after:.2f} s", after_queries),
        (f"worker: bulk reindex of the {waiting} waiting", f"{worker:.2f} s", worker_queries),
    ]  # fmt: skip
    print(f"\nRenaming theme '{theme.slug}' used by {touched} of {report.services} services"
          f" ({connection.vendor}, {os.cpu_count()} CPU(s), load"
          f" {', '.join(f'{v:.2f}' for v in os.getloadavg())})\n")  # fmt: skip
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'':{width}}{'time':>10}{'queries':>10}")
    for label, seconds, queries in rows:
        print(f"{label:{width}}{seconds:>10}{queries:>10}")
    print(f"\ntasks enqueued by the save: {tasks}; worker reindexed {done[0]};"
          f" entries carrying the new name afterwards: {fresh}")  # fmt: skip
    tmp.cleanup()
    print(
        f"editing services={report.services} touched={touched} before_s={before:.2f}"
        f" after_s={after:.3f} worker_s={worker:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
