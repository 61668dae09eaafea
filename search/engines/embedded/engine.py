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
from collections.abc import Iterable

import numpy as np
from django.db import connection, models, transaction
from django.utils import timezone

from agenda import schedules
from search import analysis, english, expansion, ranking, suggestions, synonyms
from search.models import IndexState, SearchEntry
from search.record import BATCH, TEXT_CLASSES, ServiceRecord
from search.results import (
    facet_labels,
    facet_order,
    facet_values,
    now_for,
    result_item,
)
from search.types import Engine, ResultItem, SearchParams, SearchResult, Sort

from . import fulltext, snapshot

# --------------------------------------------------------------------------- writing


def entry_values(record: ServiceRecord) -> dict:
    """The row of a record: its stored fields, and the tokens of each text class.

    Each Dutch text is split into its content words once, for its token column and for
    the word list (what ``analysis.index_stream`` and ``analysis.content_words`` give)."""
    values = {**record.stored(), "overdue_from": record.overdue_from}
    words: set[str] = set()
    for text_class in TEXT_CLASSES:
        texts = record.texts(text_class.name)
        if text_class.language == "en":
            values[text_class.column] = english.index_stream(texts)
            continue
        split = [analysis.content_words(text) for text in texts]
        for text_words in split:
            words.update(text_words)
        values[text_class.column] = analysis.stream_of_words(split)
    values.update(words=" ".join(sorted(words)), indexed_at=timezone.now())
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


def _insert(records: list[ServiceRecord]) -> None:
    """What ``bulk_create`` writes for these records, in one ``executemany``, without a
    model instance per row: each value goes through its field's own ``get_db_prep_save``
    where that changes it (JSON, dates and times), the rest as it is. At 20,000 services
    ``bulk_create`` spent a sixth of a rebuild preparing values that are already strings."""
    fields = [f for f in SearchEntry._meta.concrete_fields if not f.primary_key]
    plain = (models.CharField, models.TextField, models.BooleanField, models.IntegerField)
    prepare = [None if isinstance(f, plain) else f.get_db_prep_save for f in fields]
    rows = []
    for record in records:
        values = {"page_id": record.page_id, **entry_values(record)}
        rows.append(
            [
                values[f.attname] if how is None else how(values[f.attname], connection)
                for f, how in zip(fields, prepare, strict=True)
            ]
        )
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(SearchEntry._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def rebuild(records: Iterable[ServiceRecord]) -> int:
    """Replace the whole index in one transaction; returns the number of services.

    ``records`` may be a generator: they are analysed and written in batches, so memory
    stays bounded however large the catalogue is."""
    count = 0
    with transaction.atomic():
        with fulltext.bulk_load():  # the full-text index is built once, at the end
            SearchEntry.objects.all().delete()
            iterator = iter(records)
            while batch := list(itertools.islice(iterator, BATCH)):  # rows at a time
                _insert(batch)
                count += len(batch)
        IndexState.bump()
    snapshot.reset()
    return count


# --------------------------------------------------------------------------- reading


def _filter_and_count(dense, matched: np.ndarray, params: SearchParams, now):
    """Which matches pass the filters (a mask over ``matched``), the facet counts and how
    many are open now. A facet's own filter does not narrow its counts (so one can pick a
    second value), the other filters do."""
    size = len(dense)
    among = np.zeros(size, dtype=bool)
    among[matched] = True
    fails = np.zeros(size, dtype=np.int8)  # filters a service does not pass
    passes: dict[str, np.ndarray] = {}
    for name, values in params.filters().items():
        if not values:
            continue
        passing = passes[name] = dense.facets[name].having(values)
        fails += ~passing
    is_open = np.zeros(size, dtype=bool)
    is_open[matched] = dense.open_at(now.astimezone(schedules.TIMEZONE), matched)
    open_count = int(np.count_nonzero(among & (fails == 0) & is_open))
    if params.open_now:
        fails += ~is_open
    everything = among & (fails == 0)
    selected = params.filters()
    facets = {}
    for name, column in dense.facets.items():
        counted = everything
        if name in passes:  # also the services that fail only this facet's filter
            counted = everything | (among & (fails == 1) & ~passes[name])
        totals = column.counts(counted)
        counts = {column.names[i]: int(totals[i]) for i in np.flatnonzero(totals).tolist()}
        labels = {**facet_labels(name), **column.labels}
        facets[name] = facet_values(counts, labels, selected[name], facet_order(name))
    return everything[matched], facets, open_count


def search(params: SearchParams) -> SearchResult:
    # An immutable snapshot: a refresh in another thread makes a new one and never
    # changes this one under us, so searches take no lock.
    return _search(snapshot.current(), params)


def _relevance(snap: snapshot.Snapshot, params: SearchParams):
    """(relevance per document position, the analysed question or None)."""
    dense = snap.dense()
    if analysis.content_words(params.q):
        vocabulary = synonyms.current_map()
        query = expansion.expand(
            params.q, vocabulary, snap.knowledge(vocabulary), language=params.lang
        )
        candidates = ranking.bounded_candidates(query, snap)
        return ranking.above_threshold(ranking.score(query, snap, candidates)), query
    if params.q.strip() and not params.has_filters and params.origin is None:
        return dense.zeros(), None  # only signs or emoji: nothing to look for
    return ranking.browse_scores(dense, params), None  # no question: browse


def _search(snap: snapshot.Snapshot, params: SearchParams) -> SearchResult:
    now = now_for(params)
    dense = snap.dense()
    scores, query = _relevance(snap, params)
    matched = np.flatnonzero(scores)
    final = scores[matched] * ranking.overdue_factors(
        dense.overdue_day[matched], timezone.localdate(now)
    )
    distance = np.full(len(matched), np.nan)
    if params.origin is not None:
        distance = dense.distances(params.origin)[matched]
        final *= ranking.distance_factors(distance, dense.comes_to_you[matched])
    if params.prefer_groups or params.prefer_wijken or params.prefer_windows:
        final *= [ranking.preference_factor(dense.docs[p], params) for p in matched]
    hit, facets, open_count = _filter_and_count(dense, matched, params, now)
    hits, final, distance = matched[hit], final[hit], distance[hit]
    order = np.lexsort((dense.title_rank[hits], -final))
    if params.sort == Sort.DISTANCE and params.origin is not None:
        # Pure distance to the nearest place. Services without a place that come to you
        # (at home, by phone) count as at your door; other services without one come last.
        door = np.where(dense.comes_to_you[hits], 0.0, np.inf)
        key = np.where(np.isnan(distance), door, distance)
        order = order[np.argsort(key[order], kind="stable")]
    start = (params.page - 1) * params.page_size
    shown = order[start : start + params.page_size].tolist()
    page = [dense.docs[hits[i]] for i in shown]
    records = snap.records(d.id for d in page)
    items = [
        _item(records[doc.id], doc, _metres(distance[i]), float(final[i]), now, params)
        for doc, i in zip(page, shown, strict=True)
        if doc.id in records  # removed since the snapshot was made
    ]
    return SearchResult(
        query=params.q,
        count=len(hits),
        engine=Engine.EMBEDDED,
        results=items,
        facets=facets,
        open_now_count=open_count,
        open_now_selected=params.open_now,
        suggestion=query.suggestion if query else None,
        page=params.page,
        page_size=params.page_size,
    )


def _metres(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


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
