"""The records of a full rebuild made in worker processes, on more than one core.

Nearly all of a rebuild is Python making records: pages and their relations read, the
public fields gathered, the body's words taken out (at 20,000 services about 30 s of one
core). Here batches of page ids go to ``SEARCH_REBUILD_WORKERS`` processes, each with its
own database connection; this process writes what they send back, batch after batch and in
the order of the page tree, so memory stays bounded (a few batches on their way at a time).

The workers are started fresh (``spawn``: no open connection of this process is inherited)
and read what is committed. So they are used only where the database lets other
connections read while this one writes the new index: PostgreSQL, and SQLite in WAL mode
(in its default journal mode a long write locks readers out; an in-memory database is not
shared at all). And only outside a transaction (the pages must be committed) and for a
catalogue large enough to repay starting them (``MIN_SERVICES``).
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection

if TYPE_CHECKING:
    from .record import ServiceRecord

# A worker imports this module before Django is set up (to find ``_start``): the models
# and everything that imports them are imported inside the functions.

MIN_SERVICES = 3000  # below this, starting the workers costs more than it saves
WAITING_PER_WORKER = 2  # batches sent ahead per worker (bounds the memory of a rebuild)


def _shares_committed_data() -> bool:
    if connection.in_atomic_block:
        return False
    if connection.vendor == "postgresql":
        return True
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            return cursor.fetchone()[0].lower() == "wal"
    return False


def plan() -> tuple[int, list[list[int]]]:
    """How many workers the next rebuild uses and the page ids of each batch (in the order
    of the page tree); ``(1, [])`` when this process builds the records itself."""
    from .record import BATCH, indexable_services

    workers = settings.SEARCH_REBUILD_WORKERS
    if workers < 2 or not _shares_committed_data():
        return 1, []
    ids = list(indexable_services(prefetch=False).values_list("pk", flat=True))
    if len(ids) < MIN_SERVICES:
        return 1, []
    return workers, [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]


def records(
    workers: int, batches: list[list[int]], peaks: list[float] | None = None
) -> Iterator[ServiceRecord]:
    """The records of these batches, in order, made by ``workers`` fresh processes. When
    given, ``peaks`` receives the peak resident memory (MB) each worker reported."""
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(os.environ["DJANGO_SETTINGS_MODULE"], dict(connection.settings_dict)),
    )
    try:
        waiting: collections.deque = collections.deque()
        for batch in batches:
            waiting.append(pool.submit(_build, batch))
            if len(waiting) >= WAITING_PER_WORKER * workers:
                yield from _unpack(waiting.popleft().result(), peaks)
        while waiting:
            yield from _unpack(waiting.popleft().result(), peaks)
    finally:
        pool.shutdown(cancel_futures=True)


def _unpack(built: tuple[list[ServiceRecord], float | None], peaks) -> list[ServiceRecord]:
    made, peak = built
    if peaks is not None and peak is not None:
        peaks.append(peak)
    return made


# --------------------------------------------------------------------------- in a worker


def _start(settings_module: str, database: dict) -> None:
    """Set up Django in a fresh worker, on the database the rebuild runs on (in tests the
    test database, which the settings module does not name)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import django

    settings.DATABASES = {**settings.DATABASES, "default": database}
    django.setup()


def _build(ids: list[int]) -> tuple[list[ServiceRecord], float | None]:
    """The records of one batch, and this worker's peak resident memory so far."""
    from cms.serializers import url_cache

    from .record import build_batch, indexable_services

    pages = list(indexable_services(prefetch=False).filter(pk__in=ids))
    return build_batch(pages, url_cache()), peak_mb()


def peak_mb() -> float | None:
    """Peak resident memory of this process in MB (Linux's VmHWM; unlike ``ru_maxrss`` it
    does not count the parent's memory shared at the moment of forking), None elsewhere."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None
