"""Reindexing outside the editor's request: a table of waiting service ids and one task.

A change to something many services show (a theme, target group or place, an organisation
or wijk, the address or access of a page above them) records the ids of the affected
services in ``PendingReindex`` and enqueues one ``reindex_pending`` task on the ``background``
task backend (``TASKS`` in settings: django-tasks with its database backend); the editor's
save returns at once. The worker (``manage.py db_worker --backend background``, started by
``make run`` and by ``deploy/sociale-kaart-worker.service``) reindexes every waiting id in
bulk batches and deletes the rows in the same transaction, so a crashed or absent worker
loses nothing: the rows stay until a worker, ``manage.py reindex_pending`` or the daily
``rebuild_search_index`` takes them.

A change that touches one service (``INLINE_LIMIT``) is indexed inside the request, as
before: one record costs a few dozen queries, the editor finds the service right after
publishing, and an unpublished or deleted service is gone from search at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django_tasks import task

from . import indexing
from .engines.embedded import engine as embedded
from .pending import PendingReindex
from .record import build_record, english_translations, indexable_services

BACKEND = "background"
INLINE_LIMIT = 1
BATCH = 500


def reindex_ids(page_ids: Iterable[int]) -> int:
    """Bring the entries of these services in step now, in bulk: the live, public ones
    rebuilt (their relations fetched together), the others removed. Returns how many are
    in the index."""
    ids = set(page_ids)
    if not ids:
        return 0
    pages = list(indexable_services().filter(pk__in=ids))
    english = english_translations(p.translation_key for p in pages)
    records = [
        r
        for r in (
            build_record(p, checked=True, english=english.get(p.translation_key)) for p in pages
        )
        if r
    ]
    embedded.index(records)
    indexing.remove_pages(ids - {r.page_id for r in records})
    if records and indexing._elastic_enabled():
        from .engines.cluster import engine as elastic

        indexing._after_commit(elastic.index_records, records)
    return len(records)


def reindex_later(page_ids: Iterable[int]) -> int:
    """Queue these services for the worker (one inline, see ``INLINE_LIMIT``); returns how
    many were queued."""
    ids = sorted(set(page_ids))
    if len(ids) <= INLINE_LIMIT:
        reindex_ids(ids)
        return 0
    PendingReindex.objects.bulk_create(
        [PendingReindex(page_id=i) for i in ids], ignore_conflicts=True, batch_size=BATCH
    )
    # In the same transaction as the rows: both are committed, or neither.
    reindex_pending.enqueue()
    return len(ids)


def process_pending(batch: int = BATCH) -> int:
    """Reindex every waiting service, ``batch`` at a time, each batch in one transaction
    that also deletes its rows (a failure leaves them waiting). Returns how many."""
    done = 0
    while True:
        with transaction.atomic():
            ids = list(
                PendingReindex.objects.order_by("queued_at", "page_id").values_list(
                    "page_id", flat=True
                )[:batch]
            )
            if not ids:
                return done
            PendingReindex.objects.filter(page_id__in=ids).delete()
            reindex_ids(ids)
        done += len(ids)


def waiting() -> int:
    """How many services wait for the worker."""
    return PendingReindex.objects.count()


@task(backend=BACKEND)
def reindex_pending() -> int:
    """The worker's task: all waiting services, not only those of the change that queued
    it, so a burst of saves costs one bulk pass and later tasks find the table empty."""
    return process_pending()
