"""One snapshot's documents as dense arrays, so a search scores and counts in bulk.

Every document has a position (0 … N-1, in ascending id order). A score is a vector of N
floats, a set of services an array of positions. Posting lists are turned into positions
the first time a search asks for a term, and kept for the life of the snapshot (which is
immutable, so they never go stale).

Facets are columns of (document position, value number) pairs, so filters and facet
counts are a few array operations however many services match; opening hours are numbered
per distinct schedule, so "open now" is asked once per schedule, not once per service.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from places import geo

MAX_CACHED_TERMS = 20_000  # posting lists kept as positions (a term asked once stays)
MAX_ORIGINS = 256  # distance vectors kept (postcodes repeat a lot)
MATRIX_VALUES = 64  # a facet with at most this many values is also kept as a matrix


@dataclass
class FacetColumn:
    """One facet over every document: pairs (rows[i], values[i]) say that the document at
    position rows[i] has the value names[values[i]]."""

    names: list[str] = field(default_factory=list)
    number: dict[str, int] = field(default_factory=dict)
    rows: np.ndarray | list = field(default_factory=list)
    values: np.ndarray | list = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # value -> name shown (if any)
    matrix: np.ndarray | None = None  # documents x values, 1.0 where a document has it
    size: int = 0  # documents

    def finish(self, count: int) -> None:
        self.size = count
        self.rows = np.array(self.rows, dtype=np.int32)
        self.values = np.array(self.values, dtype=np.int32)
        if len(self.names) <= MATRIX_VALUES:
            self.matrix = np.zeros((count, len(self.names)), dtype=np.float32)
            self.matrix[self.rows, self.values] = 1.0

    def counts(self, among: np.ndarray) -> np.ndarray:
        """Per value: how many of the documents in the mask ``among`` have it."""
        if self.matrix is not None:  # a matrix product: 3-10x faster than bincount here
            return (among.astype(np.float32) @ self.matrix).astype(np.int64)
        return np.bincount(self.values[among[self.rows]], minlength=len(self.names))

    def value_number(self, value: str) -> int:
        found = self.number.get(value)
        if found is None:
            found = self.number[value] = len(self.names)
            self.names.append(value)
        return found

    def having(self, values) -> np.ndarray:
        """A mask over documents: those with at least one of these values."""
        chosen = np.zeros(len(self.names), dtype=bool)
        chosen[[self.number[v] for v in values if v in self.number]] = True
        found = np.zeros(self.size, dtype=bool)
        found[self.rows[chosen[self.values]]] = True
        return found


class Dense:
    """The documents of one snapshot by position, with their facet columns and schedules."""

    def __init__(self, docs: dict, facet_names):
        ids = sorted(docs)
        count = len(ids)
        self.ids = np.array(ids, dtype=np.int64)
        self.docs = [docs[i] for i in ids]
        self.schedules: list = []  # distinct opening hours (snapshot.Schedule)
        self.schedule_of = np.full(count, -1, dtype=np.int32)  # -1: no opening hours
        self.facets: dict[str, FacetColumn] = {}
        self._columns(facet_names)
        # The day its information is overdue (a date ordinal; 0: never), and whether the
        # service comes to you (at home, by phone or online).
        self.overdue_day = np.array(
            [d.overdue_from.toordinal() if d.overdue_from else 0 for d in self.docs],
            dtype=np.int64,
        )
        self.comes_to_you = np.array(
            [bool(d.at_home or d.by_phone_or_online) for d in self.docs], dtype=bool
        )
        titles = np.array([d.title.lower() for d in self.docs], dtype=str)
        by_title = np.argsort(titles, kind="stable")  # equal titles: in id order
        self.title_rank = np.empty(count, dtype=np.int64)
        self.title_rank[by_title] = np.arange(count)
        self._places()
        self._day_sessions: tuple | None = None
        self._distances: dict[tuple[float, float], np.ndarray] = {}
        self._terms: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._tops: dict[tuple[str, int], np.ndarray] = {}
        self._lock = threading.Lock()

    def _columns(self, facet_names) -> None:
        """Facet columns, labels and schedule numbers. The snapshot shares equal value sets,
        labels and schedules between documents, so each distinct one is looked at once and
        the columns are laid out with array operations."""
        self.facets = {name: self._column(name) for name in facet_names}
        labelled: set[int] = set()
        schedules: dict[int, int] = {}
        schedule_of = []
        for doc in self.docs:
            if id(doc.facet_labels) not in labelled:
                labelled.add(id(doc.facet_labels))
                for name, pairs in doc.facet_labels.items():
                    self.facets[name].labels.update(pairs)
            hours = doc.shared_schedule
            number = -1
            if hours is not None:
                number = schedules.get(id(hours), -1)
                if number < 0:
                    number = schedules[id(hours)] = len(self.schedules)
                    self.schedules.append(hours)
            schedule_of.append(number)
        self.schedule_of = np.array(schedule_of, dtype=np.int32)

    def _column(self, name: str) -> FacetColumn:
        column = FacetColumn()
        numbered: dict[int, int] = {}  # id(value set) -> set number
        sets: list[list[int]] = []  # set number -> value numbers
        set_of = []
        for doc in self.docs:
            values = doc.facet_values[name]
            number = numbered.get(id(values), -1)
            if number < 0:
                number = numbered[id(values)] = len(sets)
                sets.append([column.value_number(v) for v in sorted(values)])
            set_of.append(number)
        set_of = np.array(set_of, dtype=np.int64)
        sizes = np.array([len(s) for s in sets], dtype=np.int64)
        starts = np.cumsum(sizes) - sizes
        flat = np.array([v for s in sets for v in s], dtype=np.int32)
        counts = sizes[set_of] if len(set_of) else np.zeros(0, dtype=np.int64)
        column.rows = np.repeat(np.arange(len(self.docs), dtype=np.int32), counts)
        offsets = np.arange(len(column.rows)) - np.repeat(np.cumsum(counts) - counts, counts)
        column.values = flat[np.repeat(starts[set_of], counts) + offsets] if len(flat) else flat
        column.finish(len(self.docs))
        return column

    def _places(self) -> None:
        """Every place with coordinates as rows (document position, lat, lon)."""
        owners, lats, lons = [], [], []
        for position, doc in enumerate(self.docs):
            for place in doc.places:
                if place.get("lat") is not None and place.get("lon") is not None:
                    owners.append(position)
                    lats.append(float(place["lat"]))
                    lons.append(float(place["lon"]))
        self.place_owner = np.array(owners, dtype=np.int64)
        self.place_lat, self.place_lon = np.array(lats), np.array(lons)

    def distances(self, origin) -> np.ndarray:
        """Per document: metres from ``origin`` to its nearest place (NaN: no place), every
        place measured at once; remembered for the last origins asked."""
        key = (origin.lat, origin.lon)
        found = self._distances.get(key)
        if found is None:
            found = np.full(len(self.docs), np.nan)
            if len(self.place_owner):
                metres = geo.distances_m(origin, self.place_lat, self.place_lon)
                order = np.lexsort((metres, self.place_owner))  # nearest first per document
                owners = self.place_owner[order]
                first = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
                found[owners[first]] = metres[order][first]
            with self._lock:
                if len(self._distances) >= MAX_ORIGINS:
                    self._distances.clear()
                self._distances[key] = found
        return found

    def open_at(self, local, among: np.ndarray) -> np.ndarray:
        """Per position in ``among``: open at this local moment."""
        day, owners, starts, ends = self._sessions_of(local.date())
        moment = local.timestamp()
        open_by_number = np.zeros(len(self.schedules) + 1, dtype=bool)  # the last: none
        open_by_number[owners[(starts <= moment) & (moment < ends)]] = True
        return open_by_number[self.schedule_of[among]]

    def _sessions_of(self, day):
        """Every schedule's sessions on a day as arrays (schedule number, start, end),
        made on the first search of the day."""
        found = self._day_sessions
        if found is None or found[0] != day:
            owners, starts, ends = [], [], []
            for number, hours in enumerate(self.schedules):
                for session in hours.sessions_on(day):
                    owners.append(number)
                    starts.append(session.start.timestamp())
                    ends.append(session.end.timestamp())
            found = (day, np.array(owners, dtype=np.int64), np.array(starts), np.array(ends))
            self._day_sessions = found
        return found

    def __len__(self) -> int:
        return len(self.docs)

    def zeros(self) -> np.ndarray:
        return np.zeros(len(self.docs))

    def term(self, postings: tuple) -> tuple[np.ndarray, np.ndarray]:
        """(positions, BM25 weights) of a posting list (document ids, weights)."""
        ids, weights = postings
        key = id(ids)
        found = self._terms.get(key)
        if found is None or found[2] is not ids:
            positions = np.searchsorted(self.ids, np.frombuffer(ids, dtype=np.int32))
            found = (positions, np.frombuffer(weights, dtype=np.float64).copy(), ids)
            with self._lock:
                if len(self._terms) >= MAX_CACHED_TERMS:
                    self._terms.clear()
                self._terms[key] = found
        return found[0], found[1]

    def top(self, postings: tuple, depth: int) -> np.ndarray:
        """Positions of the ``depth`` documents where a term weighs most (all when fewer)."""
        positions, weights = self.term(postings)
        if len(positions) <= depth:
            return positions
        key = (id(postings[0]), depth)
        found = self._tops.get(key)
        if found is None:
            found = positions[np.argpartition(weights, -depth)[-depth:]]
            with self._lock:
                self._tops[key] = found
        return found
