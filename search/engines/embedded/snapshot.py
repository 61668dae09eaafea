"""An in-process copy of the embedded index, for scoring, facets and spelling.

The database (``SearchEntry`` plus its full-text index) is the truth; this snapshot only
mirrors it. Every search reads ``IndexState.version`` (one query); when it moved, the
snapshot compares ``indexed_at`` per entry and reloads only what changed, so a page
published in another process shows up in the next search here.
"""

from __future__ import annotations

import datetime
import gc
import math
import threading
from collections import Counter
from dataclasses import dataclass, field

from agenda import schedules
from search import analysis, synonyms
from search.expansion import Knowledge
from search.record import (
    FACETS,
    STORED,
    TEXT_CLASSES,
    WEIGHTS,
    Kind,
    ServiceRecord,
    schedule_from_json,
)
from search.spelling import Corrector

K1 = 1.2
B = {c.column: c.bm25_b for c in TEXT_CLASSES}
DEFAULT_B = 0.75
SEQUENCE_FIELDS = tuple(c.column for c in TEXT_CLASSES if c.phrases)
RELOAD_ALL_SHARE = 0.5  # when more than half changed, reload everything (and averages)


@dataclass
class Doc:
    """A record in memory with what scoring needs; record fields read through (doc.title)."""

    id: int
    record: ServiceRecord
    schedule: schedules.Schedule | None
    words: list[str]
    counts: dict[str, Counter]
    sequences: dict[str, list[str]]
    lengths: dict[str, int]
    weights: dict[str, float] = field(default_factory=dict)
    facet_values: dict[str, frozenset[str]] = field(default_factory=dict)
    facet_labels: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    _sessions: tuple[datetime.date, list] | None = None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.record, name)

    @property
    def phrases(self) -> list[str]:
        return self.record.helps_with

    def sessions_on(self, day: datetime.date) -> list:
        if self.schedule is None:
            return []
        if self._sessions is None or self._sessions[0] != day:
            self._sessions = (day, schedules.sessions_on(self.schedule, day))
        return self._sessions[1]

    def is_open(self, now: datetime.datetime) -> bool:
        local = now.astimezone(schedules.TIMEZONE)
        return any(s.start <= local < s.end for s in self.sessions_on(local.date()))


FIELDS = ("id", "page_id", *(f.name for f in STORED), "words", *WEIGHTS)


def _make_doc(row: dict) -> Doc:
    counts, sequences, lengths = {}, {}, {}
    for name in WEIGHTS:
        sequence, terms = analysis.parse_stream(row[name])
        counts[name] = Counter(terms)
        lengths[name] = len(terms)
        if name in SEQUENCE_FIELDS:
            sequences[name] = sequence
    record = ServiceRecord.from_stored(row["page_id"], row)
    return Doc(
        id=row["id"],
        record=record,
        facet_values={name: record.facet_values(name) for name in FACETS},
        facet_labels={
            name: tuple((i["slug"], i["name"]) for i in getattr(record, field.name))
            for name, field in FACETS.items()
            if field.kind == Kind.LABELS
        },
        schedule=schedule_from_json(record.schedule),
        words=row["words"].split(),
        counts=counts,
        sequences=sequences,
        lengths=lengths,
    )


class Snapshot:
    def __init__(self):
        self.docs: dict[int, Doc] = {}
        self.df: Counter = Counter()
        self.postings: dict[str, dict[int, float]] = {}
        self.word_df: Counter = Counter()
        self.avg_lengths: dict[str, float] = {}
        self.version: int | None = None
        self.stamps: dict[int, datetime.datetime] = {}
        self._knowledge: Knowledge | None = None
        self._knowledge_key = None
        self._suggestions: list[tuple[str, str, float]] | None = None
        self._distances: dict[tuple[float, float], dict[int, float | None]] = {}
        self.lock = threading.RLock()

    # ------------------------------------------------------------------ refreshing
    def refresh(self) -> Snapshot:
        from search.models import IndexState

        version = IndexState.current()
        if version == self.version:
            return self
        with self.lock:
            if version != self.version:
                touched = self._sync()
                self.version = version
                self._knowledge = None
                self._suggestions = None
                self._forget_distances(touched)
        return self

    def _rows(self, queryset):
        return queryset.values(*FIELDS, "indexed_at")

    def _forget_distances(self, touched: set[int] | None) -> None:
        """Drop cached distances of changed services only (None: all of them)."""
        if touched is None:
            self._distances = {}
            return
        for cache in self._distances.values():
            for doc_id in touched:
                cache.pop(doc_id, None)

    def _sync(self) -> set[int] | None:
        """Bring the snapshot in step; returns the ids that changed (None: reloaded all)."""
        from search.models import SearchEntry

        stamps = dict(SearchEntry.objects.values_list("pk", "indexed_at"))
        changed = [pk for pk, stamp in stamps.items() if self.stamps.get(pk) != stamp]
        gone = set(self.stamps) - set(stamps)
        if not self.docs or len(changed) + len(gone) > RELOAD_ALL_SHARE * max(len(stamps), 1):
            self._load_all()
            return None
        for pk in gone:
            self._remove(self.docs[pk])
            del self.stamps[pk]
        for start in range(0, len(changed), 500):
            chunk = changed[start : start + 500]
            for row in self._rows(SearchEntry.objects.filter(pk__in=chunk)):
                if row["id"] in self.docs:
                    self._remove(self.docs[row["id"]])
                self._add(_make_doc(row))
                self.stamps[row["id"]] = row["indexed_at"]
        return set(changed) | gone

    def _load_all(self) -> None:
        # Creating many small objects triggers needless garbage collection passes.
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._load_all_rows()
        finally:
            if enabled:
                gc.enable()

    def _load_all_rows(self) -> None:
        from search.models import SearchEntry

        self.docs, self.df, self.word_df, self.postings = {}, Counter(), Counter(), {}
        self.stamps = {}
        for row in self._rows(SearchEntry.objects.all()):
            self._add(_make_doc(row), weigh=False)
            self.stamps[row["id"]] = row["indexed_at"]
        total = max(len(self.docs), 1)
        self.avg_lengths = {
            name: max(sum(d.lengths[name] for d in self.docs.values()) / total, 1.0)
            for name in WEIGHTS
        }
        for doc in self.docs.values():
            self._weigh(doc)

    def _add(self, doc: Doc, weigh: bool = True) -> None:
        self.docs[doc.id] = doc
        self.df.update({t for counts in doc.counts.values() for t in counts})
        self.word_df.update(set(doc.words))
        if weigh:
            self._weigh(doc)

    def _remove(self, doc: Doc) -> None:
        del self.docs[doc.id]
        for term in doc.weights:
            self.postings.get(term, {}).pop(doc.id, None)
        for counter, terms in (
            (self.df, {t for counts in doc.counts.values() for t in counts}),
            (self.word_df, set(doc.words)),
        ):
            for term in terms:
                counter[term] -= 1
                if counter[term] <= 0:
                    del counter[term]

    def _weigh(self, doc: Doc) -> None:
        """Per term: the sum over fields of field weight x saturated term frequency (BM25)."""
        weights: dict[str, float] = {}
        for name, field_weight in WEIGHTS.items():
            b = B.get(name, DEFAULT_B)
            norm = K1 * (1 - b + b * doc.lengths[name] / self.avg_lengths.get(name, 1.0))
            for term, tf in doc.counts[name].items():
                weights[term] = weights.get(term, 0.0) + field_weight * tf * (K1 + 1) / (tf + norm)
        doc.weights = weights
        for term, weight in weights.items():
            self.postings.setdefault(term, {})[doc.id] = weight

    def distances(self, origin, docs, measure) -> dict[int, float | None]:
        """Distance from origin per document, cached per origin (postcodes repeat a lot)."""
        if origin is None:
            return {d.id: None for d in docs}
        with self.lock:
            if len(self._distances) > 256:
                self._distances = {}
            cache = self._distances.setdefault((origin.lat, origin.lon), {})
        for doc in docs:
            if doc.id not in cache:
                cache[doc.id] = measure(origin, doc.places)
        return {d.id: cache[d.id] for d in docs}

    # ------------------------------------------------------------------ statistics
    def idf(self, term: str) -> float:
        n = len(self.docs)
        df = self.df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def knowledge(self, vocabulary: synonyms.SynonymMap) -> Knowledge:
        with self.lock:
            if self._knowledge is None or self._knowledge_key is not vocabulary:
                frequencies = dict(self.word_df)
                for word in vocabulary.words:
                    frequencies.setdefault(word, 1)
                self._knowledge = Knowledge(self.df, Corrector(frequencies))
                self._knowledge_key = vocabulary
            return self._knowledge

    def suggestions(self) -> list[tuple[str, str, float]]:
        """(normalised text, text as shown, popularity) of titles and helps-with phrases."""
        with self.lock:
            if self._suggestions is None:
                seen: dict[str, tuple[str, str, float]] = {}
                for doc in self.docs.values():
                    for text, weight in [(doc.title, 2.0)] + [(p, 1.0) for p in doc.phrases]:
                        key = " ".join(analysis.words(text))
                        if key and (key not in seen or seen[key][2] < weight):
                            seen[key] = (key, text.strip(), weight)
                self._suggestions = sorted(seen.values())
            return self._suggestions


_snapshot = Snapshot()


def current() -> Snapshot:
    return _snapshot.refresh()


def reset() -> None:
    """Forget everything (tests; after a full rebuild in this process)."""
    global _snapshot
    _snapshot = Snapshot()
