"""Keep both indexes in step with the CMS.

The embedded index lives in the same database, so it is written right away, inside the
transaction that publishes the page: it can never disagree with what is live. Elasticsearch
is written after the transaction commits; when that fails the page still publishes, the
failure is logged, and ``rebuild_search_index`` repairs it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from cms.serializers import url_cache

from . import build_workers, planner_statistics
from .engines.cluster import transport
from .engines.embedded import engine as embedded
from .record import BATCH, ServiceRecord, build_batch, build_record, indexable_services

log = logging.getLogger(__name__)


def _elastic_enabled() -> bool:
    return transport.configured_product() is not None


def _after_commit(action, *args) -> None:
    def run():
        try:
            action(*args)
        except Exception as error:  # the CMS must keep working without the cluster
            log.warning(
                "%s index not updated (%s: %s); run rebuild_search_index.",
                transport.label(),
                type(error).__name__,
                error,
            )

    transaction.on_commit(run)


def source_of(page):
    """A translation is part of its Dutch source's record: the page to index for it."""
    from wagtail.models import Locale

    if page.locale_id == Locale.get_default().pk:
        return page
    return page.get_translation_or_none(Locale.get_default()) or page


def index_page(page) -> bool:
    """Index a service page, or remove it when it is not (or no longer) live and public.
    For a translation, the Dutch source is indexed again (its record holds the texts)."""
    source = source_of(page)
    if source.pk != page.pk:
        return index_page(source)
    record = build_record(page)
    if record is None:
        remove_pages([page.pk])
        return False
    embedded.index_record(record)
    if _elastic_enabled():
        from .engines.cluster import engine as elastic

        _after_commit(elastic.index_records, [record])
    return True


def remove_pages(page_ids: Iterable[int]) -> None:
    page_ids = list(page_ids)
    if not page_ids:
        return
    embedded.remove(page_ids)
    if _elastic_enabled():
        from .engines.cluster import engine as elastic

        _after_commit(elastic.delete_pages, page_ids)


def reindex_pages(pages: Iterable) -> int:
    count = 0
    for page in pages:
        count += index_page(page)
    return count


@dataclass
class RebuildReport:
    services: int
    embedded_seconds: float
    workers: int = 1  # processes that made the records (1: this one)
    worker_peak_mb: float | None = None  # the highest peak resident memory of a worker
    elastic_index: str | None = None
    elastic_seconds: float | None = None
    elastic_error: str | None = None


def _records():
    """The record of every indexable service, streamed page chunk by page chunk (with the
    English translations of each chunk fetched in one query, the site root paths of their
    URLs once)."""
    chunk: list = []
    urls = url_cache()
    for page in indexable_services(prefetch=False).iterator(chunk_size=BATCH):
        chunk.append(page)
        if len(chunk) == BATCH:
            yield from build_batch(chunk, urls)
            chunk = []
    yield from build_batch(chunk, urls)


def rebuild(*, elastic: bool | None = None) -> RebuildReport:
    """Rebuild the embedded index and, when configured, Elasticsearch (via a new index).

    The records are made in worker processes (``build_workers``) where that is possible
    and worth it, otherwise here; either way in the order of the page tree."""
    started = time.perf_counter()
    to_cluster = elastic if elastic is not None else _elastic_enabled()
    workers, batches = build_workers.plan()
    peaks: list[float] = []
    records: Iterable[ServiceRecord] = (
        build_workers.records(workers, batches, peaks) if workers > 1 else _records()
    )
    if to_cluster:  # the cluster is written from the same records afterwards
        records = list(records)
    count = embedded.rebuild(records)
    planner_statistics.refresh()  # the plans of every search after it (PostgreSQL)
    report = RebuildReport(
        services=count,
        embedded_seconds=time.perf_counter() - started,
        workers=workers,
        worker_peak_mb=max(peaks, default=None),
    )
    if to_cluster:
        from .engines.cluster import engine as es

        started = time.perf_counter()
        try:
            report.elastic_index = es.rebuild(records)
        except Exception as error:  # reported to whoever ran the rebuild
            report.elastic_error = f"{type(error).__name__}: {error}"
        report.elastic_seconds = time.perf_counter() - started
    return report
