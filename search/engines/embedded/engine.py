"""The embedded engine: our own index table, full-text candidates, Python ranking.

Needs no server. Writing: ``index_record`` / ``remove`` keep ``SearchEntry`` (and through it
the full-text index) in step with the CMS. Reading: ``search`` ranks with ``ranking`` over
the postings of the in-process ``snapshot``, scoring a bounded set of candidates
(``ranking.bounded_candidates``) when a term of the question is very common. The snapshot
holds the same pre-analysed tokens as the full-text index and is brought in step with the
table through the version counter (``IndexState``) before every search, so a separate
full-text candidate query would only repeat what the postings already say (at 20,000
services it was up to two thirds of a search).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from agenda import schedules
from search import analysis, english, expansion, ranking, suggestions, synonyms
from search.models import IndexState, SearchEntry
from search.record import FACETS, TEXT_CLASSES, ServiceRecord
from search.results import (
    facet_labels,
    facet_order,
    facet_values,
    min_distance,
    now_for,
    result_item,
)
from search.types import Engine, ResultItem, SearchParams, SearchResult, Sort

from . import fulltext, snapshot

# --------------------------------------------------------------------------- writing


def _stream(text_class, texts: list[str]) -> str:
    if text_class.language == "en":
        return english.index_stream(texts)
    return analysis.index_stream(texts)


def entry_values(record: ServiceRecord) -> dict:
    """The row of a record: its stored fields, and the tokens of each text class."""
    words = sorted({w for text in record.all_texts() for w in analysis.content_words(text)})
    values = {**record.stored(), "overdue_from": record.overdue_from}
    values.update({c.column: _stream(c, record.texts(c.name)) for c in TEXT_CLASSES})
    values.update(words=" ".join(words), indexed_at=timezone.now())
    return values


def index(records: Iterable[ServiceRecord]) -> int:
    """Write many records at once (the background queue): their old rows out, the new ones
    in with one insert per 500, one version bump. Returns the number written."""
    records = list(records)
    if not records:
        return 0
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=[r.page_id for r in records]).delete()
        rows = [SearchEntry(page_id=r.page_id, **entry_values(r)) for r in records]
        SearchEntry.objects.bulk_create(rows, batch_size=500)
        IndexState.bump()
    return len(rows)


def index_record(record: ServiceRecord) -> None:
    SearchEntry.objects.update_or_create(page_id=record.page_id, defaults=entry_values(record))
    IndexState.bump()


def remove(page_ids: Iterable[int]) -> int:
    deleted = SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()[0]
    IndexState.bump()  # also when a page delete already cascaded to its entry
    return deleted


REBUILD_BATCH = 500  # rows written at a time; a rebuild never holds more than this


def rebuild(records: Iterable[ServiceRecord]) -> int:
    """Replace the whole index in one transaction; returns the number of services.

    ``records`` may be a generator: they are analysed and written in batches, so memory
    stays bounded however large the catalogue is."""
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        iterator = iter(records)
        while batch := [
            SearchEntry(page_id=r.page_id, **entry_values(r))
            for r in itertools.islice(iterator, REBUILD_BATCH)
        ]:
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
        fulltext.rebuild()
        IndexState.bump()
    snapshot.reset()
    return count


# --------------------------------------------------------------------------- reading


def _failures(doc: snapshot.Doc, wanted: dict[str, set[str]], params, now) -> tuple[str, ...]:
    """The filters a service does not pass ('thema', ..., 'open_nu')."""
    failed = tuple(name for name, values in wanted.items() if not values & doc.facet_values[name])
    if params.open_now and not doc.is_open(now):
        failed += ("open_nu",)
    return failed


def _facets(docs, failures, params: SearchParams, now) -> tuple[dict, int]:
    """Counts per facet value. A facet's own filter does not narrow its counts (so one can
    pick a second value), the other filters do.

    Services with the same facets, labels and opening hours share those objects in the
    snapshot, so each distinct one is counted once and weighed by how many share it: at
    20,000 services a search matches thousands, but they have a few hundred distinct sets.
    """
    everything = Counter()  # id(facet_values) -> services that pass every filter
    all_but: dict[str, Counter] = {name: Counter() for name in FACETS}  # fail only this one
    shared = {}  # id -> the shared object (facet values, labels, schedules)
    label_sets = set()
    hours = Counter()  # id(shared schedule) -> services counted for "open now"
    for doc, failed in zip(docs, failures, strict=True):
        label_sets.add(id(doc.facet_labels))
        shared[id(doc.facet_labels)] = doc.facet_labels
        if len(failed) > 1:
            continue
        key = id(doc.facet_values)
        shared[key] = doc.facet_values
        if not failed:
            everything[key] += 1
        elif failed[0] in all_but:
            all_but[failed[0]][key] += 1
        if (not failed or failed == ("open_nu",)) and doc.shared_schedule is not None:
            hours[id(doc.shared_schedule)] += 1
            shared[id(doc.shared_schedule)] = doc.shared_schedule
    counters = {name: Counter() for name in FACETS}
    for key, n in everything.items():
        for name, values in shared[key].items():
            for value in values:
                counters[name][value] += n
    for name, groups in all_but.items():
        for key, n in groups.items():
            for value in shared[key][name]:
                counters[name][value] += n
    labels: dict[str, dict[str, str]] = {name: facet_labels(name) for name in FACETS}
    for key in label_sets:
        for name, pairs in shared[key].items():
            labels[name].update(pairs)
    local = now.astimezone(schedules.TIMEZONE)
    open_count = sum(n for key, n in hours.items() if shared[key].is_open(local))
    selected = params.filters()
    facets = {
        name: facet_values(counters[name], labels[name], selected[name], facet_order(name))
        for name in FACETS
    }
    return facets, open_count


def search(params: SearchParams) -> SearchResult:
    # An immutable snapshot: a refresh in another thread makes a new one and never
    # changes this one under us, so searches take no lock.
    return _search(snapshot.current(), params)


def _search(snap: snapshot.Snapshot, params: SearchParams) -> SearchResult:
    now = now_for(params)
    query = None
    if analysis.content_words(params.q):
        vocabulary = synonyms.current_map()
        query = expansion.expand(
            params.q, vocabulary, snap.knowledge(vocabulary), language=params.lang
        )
        candidates = ranking.bounded_candidates(query, snap)
        scores = ranking.above_threshold(ranking.score(query, snap, candidates))
    elif params.q.strip() and not params.has_filters and params.origin is None:
        scores = {}  # only signs or emoji: nothing to look for
    else:
        scores = ranking.browse_scores(snap.docs.values(), params)  # no question: browse
    docs = [snap.docs[i] for i in scores if i in snap.docs]
    distances = snap.distances(params.origin, docs, min_distance)
    today = timezone.localdate(now)
    final = {
        d.id: scores[d.id]
        * ranking.overdue_factor(d, today)
        * (ranking.distance_factor(d, distances[d.id]) if params.origin else 1.0)
        * ranking.preference_factor(d, params)
        for d in docs
    }
    wanted = {name: set(values) for name, values in params.filters().items() if values}
    failures = [_failures(d, wanted, params, now) for d in docs]
    facets, open_count = _facets(docs, failures, params, now)
    hits = [d for d, failed in zip(docs, failures, strict=True) if not failed]
    hits.sort(key=lambda d: (-final[d.id], d.title.lower()))
    if params.sort == Sort.DISTANCE and params.origin is not None:
        hits.sort(key=lambda d: _distance_key(d, distances[d.id]))
    start = (params.page - 1) * params.page_size
    page = hits[start : start + params.page_size]
    records = snap.records(d.id for d in page)
    page = [d for d in page if d.id in records]  # removed since the snapshot was made
    return SearchResult(
        query=params.q,
        count=len(hits),
        engine=Engine.EMBEDDED,
        results=[_item(records[d.id], d, distances[d.id], final[d.id], now, params) for d in page],
        facets=facets,
        open_now_count=open_count,
        open_now_selected=params.open_now,
        suggestion=query.suggestion if query else None,
        page=params.page,
        page_size=params.page_size,
    )


def _distance_key(doc: snapshot.Doc, distance: float | None) -> float:
    """Pure distance to the nearest place. Services without a place that come to you (at
    home, by phone) count as at your door; other services without a place come last."""
    if distance is not None:
        return distance
    return 0.0 if doc.at_home or doc.by_phone_or_online else float("inf")


def _item(
    record: ServiceRecord,
    doc: snapshot.Doc,
    distance: float | None,
    score: float,
    now,
    params: SearchParams,
) -> ResultItem:
    return result_item(
        record,
        distance,
        score=score,
        now=now,
        origin=params.origin,
        schedule=doc.schedule,
        open_now=doc.is_open(now),
    )


def suggest(prefix: str, limit: int = 8) -> list[str]:
    """Known words, titles and helps-with phrases that match what was typed so far."""
    typed = analysis.words(prefix)
    if not typed or len("".join(typed)) < 2:
        return []
    return _suggest(snapshot.current(), typed, limit)


def _suggest(snap: snapshot.Snapshot, typed: list[str], limit: int) -> list[str]:
    return suggestions.rank(snap, typed, limit)


def did_you_mean(q: str) -> str | None:
    """The question with misspelt words corrected, or None."""
    if not analysis.content_words(q):
        return None
    snap = snapshot.current()
    vocabulary = synonyms.current_map()
    return expansion.expand(q, vocabulary, snap.knowledge(vocabulary)).suggestion
