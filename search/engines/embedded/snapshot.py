"""An in-process copy of the embedded index, for scoring, facets and spelling.

The database (``SearchEntry`` plus its full-text index) is the truth; this snapshot only
mirrors it. Every search reads ``IndexState.version`` (one query); when it moved, the
snapshot compares ``indexed_at`` per entry and reloads only what changed, so a page
published in another process shows up in the next search here.

Compact and immutable:
* tokens are interned (one string per distinct token, shared by every document), postings
  are two arrays per term (document ids ascending, BM25 weights), phrase fields are arrays
  of token numbers, and equal facet sets, labels, places and schedules are one object;
* a document keeps only what ranking, filters and facets need; the full records of the
  services on the page asked for are read from the index table (one query);
* readers never take a lock: a change makes a *new* snapshot (sharing every untouched
  document and posting list) that replaces the current one in one assignment, so a search
  keeps the snapshot it started with;
* a process without a snapshot starts from the one saved to a file by another process of
  the machine (``saved``), when its entries are mostly still those of the table.
"""

from __future__ import annotations

import bisect
import datetime
import gc
import json
import math
import threading
from array import array
from collections import Counter

from agenda import schedules
from search import analysis, freshness, synonyms
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

from . import rows as table_rows
from . import saved
from .dense import Dense

K1 = 1.2
B = {c.column: c.bm25_b for c in TEXT_CLASSES}
DEFAULT_B = 0.75
SEQUENCE_FIELDS = tuple(c.column for c in TEXT_CLASSES if c.phrases)
RELOAD_ALL_SHARE = 0.5  # when more than half changed, reload everything (and averages)
LOAD_CHUNK = 1000  # rows read at a time when loading
# What a document keeps of its row (besides tokens, facets and the schedule).
KEPT = ("page_id", "slug", "title", "helps_with", "places", "at_home", "by_phone_or_online")
LABELLED = tuple(name for name, f in FACETS.items() if f.kind == Kind.LABELS)
COLUMNS = ("id", "page_id", *(f.name for f in STORED), "words", *WEIGHTS, "indexed_at")


class Schedule:
    """Opening hours shared by every service that has exactly these, with the sessions of
    the last day asked for."""

    __slots__ = ("value", "_sessions", "_open_at")

    def __init__(self, value: schedules.Schedule):
        self.value = value
        # (day, its sessions) and (moment, open then): one tuple each, so a search in
        # another thread never sees the day of one and the answer of another.
        self._sessions: tuple = (None, [])
        self._open_at: tuple = (None, False)

    def __getstate__(self):  # saved without what searches remember (they change it)
        return self.value

    def __setstate__(self, value):
        self.__init__(value)

    def is_open(self, local: datetime.datetime) -> bool:
        """Open at this local moment; remembered for the moment last asked (one search asks
        it of every match sharing these hours)."""
        at, found = self._open_at
        if at != local:
            found = any(s.start <= local < s.end for s in self.sessions_on(local.date()))
            self._open_at = (local, found)
        return found

    def sessions_on(self, day: datetime.date) -> list:
        known, sessions = self._sessions
        if known != day:
            sessions = schedules.sessions_on(self.value, day)
            self._sessions = (day, sessions)
        return sessions


class Doc:
    """What ranking, filters and facets need of one service."""

    __slots__ = (
        "id",
        *KEPT,
        "overdue_from",
        "shared_schedule",
        "sequences",
        "terms",
        "words",
        "facet_values",
        "facet_labels",
    )

    @property
    def schedule(self) -> schedules.Schedule | None:
        return self.shared_schedule.value if self.shared_schedule else None

    @property
    def phrases(self) -> list[str]:
        return self.helps_with

    def sessions_on(self, day: datetime.date) -> list:
        return self.shared_schedule.sessions_on(day) if self.shared_schedule else []

    def is_open(self, now: datetime.datetime) -> bool:
        if self.shared_schedule is None:
            return False
        return self.shared_schedule.is_open(now.astimezone(schedules.TIMEZONE))


class Interner:
    """One object per distinct token, facet set, label list, place or schedule; shared by a
    snapshot and those updated from it (it only grows; a full load starts a new one)."""

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.strings: list[str] = []
        self.objects: dict = {}
        self.lock = threading.Lock()

    def __getstate__(self):
        return {"strings": self.strings, "objects": self.objects}

    def __setstate__(self, state):
        self.__init__()
        self.strings, self.objects = state["strings"], state["objects"]
        self.ids = {text: number for number, text in enumerate(self.strings)}

    def token(self, text: str) -> int:
        number = self.ids.get(text)
        if number is None:
            with self.lock:
                number = self.ids.get(text)
                if number is None:
                    number = len(self.strings)
                    self.strings.append(text)
                    self.ids[text] = number
        return number

    def shared(self, key, make):
        found = self.objects.get(key)
        if found is None:
            found = self.objects.setdefault(key, make())
        return found


def _json_key(value) -> str:
    return json.dumps(value, sort_keys=True, default=str)


class Parsed:
    """A row analysed: the document and, only while weighing, its term counts packed as
    (field number, term, count) triples in field order."""

    __slots__ = ("doc", "counts", "lengths", "stamp")


def _parse(row: dict, intern: Interner) -> Parsed:
    token = intern.token
    parsed = Parsed()
    counts, lengths, sequences = array("i"), [], {}
    distinct: set[int] = set()
    for number, name in enumerate(WEIGHTS):
        if not row[name]:  # an empty field (the English ones, without a translation)
            lengths.append(0)
            continue
        sequence, terms = analysis.parse_stream(row[name])
        # Counted as strings, then numbered in order of first appearance (as token by token).
        field_counts = Counter(terms)
        for text, tf in field_counts.items():
            term = token(text)
            counts.extend((number, term, tf))
            distinct.add(term)
        lengths.append(len(terms))
        if name in SEQUENCE_FIELDS and sequence:
            sequences[name] = array("i", map(token, sequence))
    record = ServiceRecord.from_stored(row["page_id"], row)
    doc = Doc()
    doc.id = row["id"]
    for name in KEPT:
        setattr(doc, name, getattr(record, name))
    doc.helps_with = tuple(doc.helps_with)
    doc.places = intern.shared(("p", _json_key(doc.places)), lambda: tuple(record.places))
    doc.overdue_from = record.overdue_from
    doc.shared_schedule = (
        intern.shared(
            ("t", _json_key(record.schedule)),
            lambda: Schedule(schedule_from_json(record.schedule)),
        )
        if record.schedule
        else None
    )
    doc.sequences = sequences
    doc.terms = array("i", sorted(distinct))
    doc.words = array("i", sorted(set(map(token, row["words"].split()))))
    doc.facet_values = {}
    for name in FACETS:
        values = record.facet_values(name)
        doc.facet_values[name] = intern.shared(("f", values), lambda v=values: v)
    # Services with the same facets share one dict (facet counts count each dict once).
    values_key = ("fv", *(doc.facet_values[name] for name in FACETS))
    doc.facet_values = intern.shared(values_key, lambda v=doc.facet_values: v)
    doc.facet_labels = {}
    for name in LABELLED:
        labels = tuple((i["slug"], i["name"]) for i in getattr(record, FACETS[name].name))
        doc.facet_labels[name] = intern.shared(("l", labels), lambda v=labels: v)
    labels_key = ("fl", *(doc.facet_labels[name] for name in LABELLED))
    doc.facet_labels = intern.shared(labels_key, lambda v=doc.facet_labels: v)
    parsed.doc, parsed.counts, parsed.lengths = doc, counts, lengths
    parsed.stamp = row["indexed_at"]
    return parsed


def _changes(old: dict, stamps: dict) -> tuple[list[int], set[int]] | None:
    """The entries changed and gone between two ``{id: indexed_at}`` states (None: nothing
    to start from, or too many to update one by one)."""
    changed = [pk for pk, stamp in stamps.items() if old.get(pk) != stamp]
    gone = set(old) - set(stamps)
    if not old or len(changed) + len(gone) > RELOAD_ALL_SHARE * max(len(stamps), 1):
        return None
    return changed, gone


def _weights(parsed: Parsed, averages: list[float]) -> dict[int, float]:
    """Per term: the sum over fields of field weight x saturated term frequency (BM25)."""
    fields = []
    for (name, field_weight), length, average in zip(
        WEIGHTS.items(), parsed.lengths, averages, strict=True
    ):
        b = B.get(name, DEFAULT_B)
        fields.append((field_weight, K1 * (1 - b + b * length / average)))
    weights: dict[int, float] = {}
    counts = parsed.counts
    for number, term, tf in zip(counts[0::3], counts[1::3], counts[2::3], strict=True):
        field_weight, norm = fields[number]
        weights[term] = weights.get(term, 0.0) + field_weight * tf * (K1 + 1) / (tf + norm)
    return weights


class Snapshot:
    """One immutable state of the index. ``refresh`` gives the state now (maybe itself)."""

    def __init__(self):
        self.docs: dict[int, Doc] = {}
        self.df: Counter = Counter()  # term -> number of services
        self.word_df: Counter = Counter()  # word -> number of services (spelling)
        self.postings: dict[str, tuple[array, array]] = {}  # term -> (ids, weights)
        self.avg_lengths: list[float] = [1.0] * len(WEIGHTS)
        self.version: int | None = None
        self.stamps: dict[int, datetime.datetime] = {}
        self.interner = Interner()
        self.source = "empty"  # how it was made: "table", "saved file" or "update"
        self.saved_to = None  # the file it was saved to, after a load from the table
        self._knowledge: tuple | None = None
        self._suggestions: list[tuple[str, str, float]] | None = None
        self._dense: Dense | None = None
        self._lock = threading.Lock()  # only for the lazily built parts below

    def __getstate__(self):  # saved (``saved``) without what is built lazily
        state = dict(self.__dict__)
        for name in ("_knowledge", "_suggestions", "_dense"):
            state[name] = None
        del state["_lock"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ refreshing
    def refresh(self) -> Snapshot:
        version = index_version()
        if version == self.version:
            return self
        return self._next(version)

    def _next(self, version: int) -> Snapshot:
        """The state at ``version``: this one with the entries changed since, else the
        saved file's brought up to date the same way, else everything read anew."""
        from search.models import SearchEntry

        stamps = dict(SearchEntry.objects.values_list("pk", "indexed_at"))
        new = Snapshot()
        new.version = version
        changes = _changes(self.stamps, stamps)
        if changes is not None:
            new._update_from(self, *changes)
            new.source = "update"
            return new
        base, changes = saved.load(lambda old: _changes(old, stamps))
        if base is not None:
            if changes == ([], set()):
                base.version, base.source = version, "saved file"  # nobody else holds it
                return base
            new._update_from(base, *changes)
            new.source = "saved file"
            return new
        new._load_all()
        new.source = "table"
        new.saved_to = saved.save(new)
        return new

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

        parsed_rows: list[Parsed] = []
        totals = [0] * len(WEIGHTS)
        rows = SearchEntry.objects.order_by("pk").values(*COLUMNS)
        for row in rows.iterator(chunk_size=LOAD_CHUNK):
            parsed = _parse(row, self.interner)
            parsed_rows.append(parsed)
            totals = [t + n for t, n in zip(totals, parsed.lengths, strict=True)]
        count = max(len(parsed_rows), 1)
        self.avg_lengths = [max(t / count, 1.0) for t in totals]
        strings = self.interner.strings
        lists: dict[int, tuple[array, array]] = {}
        df = self.df
        for parsed in parsed_rows:  # ascending ids: the posting arrays come out sorted
            doc = parsed.doc
            for term, weight in _weights(parsed, self.avg_lengths).items():
                entry = lists.get(term)
                if entry is None:
                    entry = lists[term] = (array("i"), array("d"))
                entry[0].append(doc.id)
                entry[1].append(weight)
            self._add_doc(doc, parsed.stamp)
            parsed.counts = None
        self.postings = {strings[term]: entry for term, entry in lists.items()}
        df.update({strings[term]: len(entry[0]) for term, entry in lists.items()})

    def _add_doc(self, doc: Doc, stamp) -> None:
        strings = self.interner.strings
        self.docs[doc.id] = doc
        self.stamps[doc.id] = stamp
        self.word_df.update(strings[w] for w in doc.words)

    def _update_from(self, old: Snapshot, changed: list[int], gone: set[int]) -> None:
        """This snapshot = old with some documents replaced; untouched ones are shared."""
        from search.models import SearchEntry

        self.interner = old.interner
        self.docs, self.stamps = dict(old.docs), dict(old.stamps)
        self.df, self.word_df = Counter(old.df), Counter(old.word_df)
        self.postings, self.avg_lengths = dict(old.postings), old.avg_lengths
        copied: set[str] = set()  # posting lists already copied for this snapshot
        for pk in gone:
            self._remove(self.docs[pk], copied)
            del self.stamps[pk]
        for start in range(0, len(changed), 500):
            chunk = changed[start : start + 500]
            for row in SearchEntry.objects.filter(pk__in=chunk).values(*COLUMNS):
                if row["id"] in self.docs:
                    self._remove(self.docs[row["id"]], copied)
                parsed = _parse(row, self.interner)
                self._insert(parsed, copied)

    def _own(self, term: str, copied: set[str]) -> tuple[array, array] | None:
        entry = self.postings.get(term)
        if entry is not None and term not in copied:
            entry = self.postings[term] = (array("i", entry[0]), array("d", entry[1]))
            copied.add(term)
        return entry

    def _insert(self, parsed: Parsed, copied: set[str]) -> None:
        strings = self.interner.strings
        doc = parsed.doc
        for term, weight in _weights(parsed, self.avg_lengths).items():
            text = strings[term]
            entry = self._own(text, copied)
            if entry is None:
                entry = self.postings[text] = (array("i"), array("d"))
                copied.add(text)
            at = bisect.bisect_left(entry[0], doc.id)
            entry[0].insert(at, doc.id)
            entry[1].insert(at, weight)
            self.df[text] += 1
        self._add_doc(doc, parsed.stamp)

    def _remove(self, doc: Doc, copied: set[str]) -> None:
        strings = self.interner.strings
        del self.docs[doc.id]
        for term in doc.terms:
            text = strings[term]
            entry = self._own(text, copied)
            if entry is not None:
                at = bisect.bisect_left(entry[0], doc.id)
                if at < len(entry[0]) and entry[0][at] == doc.id:
                    del entry[0][at]
                    del entry[1][at]
                if not entry[0]:
                    del self.postings[text]
            self._decrement(self.df, text)
        for word in doc.words:
            self._decrement(self.word_df, strings[word])

    @staticmethod
    def _decrement(counter: Counter, key: str) -> None:
        counter[key] -= 1
        if counter[key] <= 0:
            del counter[key]

    # ------------------------------------------------------------------ reading
    def token_id(self, term: str) -> int:
        """The number of a token in phrase sequences (-1: no document has it)."""
        return self.interner.ids.get(term, -1)

    def dense(self) -> Dense:
        """The documents as dense arrays (built on first use; the snapshot never changes)."""
        found = self._dense
        if found is None:
            with self._lock:
                if self._dense is None:
                    self._dense = Dense(self.docs, FACETS)
                found = self._dense
        return found

    def records(self, ids) -> dict[int, ServiceRecord]:
        """The full public records of some documents, read from the index table."""
        from search.models import SearchEntry

        names = ["id", "page_id", *(f.name for f in STORED)]
        rows = table_rows.read(SearchEntry, ids, names)
        return {row["id"]: ServiceRecord.from_stored(row["page_id"], row) for row in rows}

    # ------------------------------------------------------------------ statistics
    def idf(self, term: str) -> float:
        n = len(self.docs)
        df = self.df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def knowledge(self, vocabulary: synonyms.SynonymMap) -> Knowledge:
        cached = self._knowledge
        if cached is not None and cached[0] is vocabulary:
            return cached[1]
        with self._lock:
            if self._knowledge is None or self._knowledge[0] is not vocabulary:
                frequencies = dict(self.word_df)
                for word in vocabulary.words:
                    frequencies.setdefault(word, 1)
                self._knowledge = (vocabulary, Knowledge(self.df, Corrector(frequencies)))
            return self._knowledge[1]

    def suggestions(self) -> list[tuple[str, str, float]]:
        """(normalised text, text as shown, popularity) of titles and helps-with phrases."""
        if self._suggestions is not None:
            return self._suggestions
        with self._lock:
            if self._suggestions is None:
                seen: dict[str, tuple[str, str, float]] = {}
                for doc in self.docs.values():
                    for text, weight in [(doc.title, 2.0)] + [(p, 1.0) for p in doc.phrases]:
                        key = " ".join(analysis.words(text))
                        if key and (key not in seen or seen[key][2] < weight):
                            seen[key] = (key, text.strip(), weight)
                self._suggestions = sorted(seen.values())
            return self._suggestions


def _index_checks() -> list:
    from search.models import IndexState

    return [IndexState.objects.filter(pk=1).values("version")]


freshness.register("index", _index_checks)


def index_version() -> int:
    """The embedded index's version counter (``IndexState``); 0 before the first index."""
    return freshness.version("index")[0] or 0


_snapshot = Snapshot()
_refreshing = threading.Lock()  # one refresh at a time; searches never wait for it


def current() -> Snapshot:
    """The snapshot in step with the index now (one query when nothing changed)."""
    global _snapshot
    snap = _snapshot
    if snap.version is not None and index_version() == snap.version:
        return snap
    with _refreshing:
        _snapshot = _snapshot.refresh()
        return _snapshot


def reset() -> None:
    """Forget everything (tests; after a full rebuild in this process)."""
    global _snapshot
    _snapshot = Snapshot()
