"""Relevance of services to an analysed question (embedded engine), and the ranking blend.

score = (sum over concepts of the best alternative's weighted BM25 score)
        x coverage (share of the question's meaning the service answers: each matchable
          concept weighs by how specific its word is, so filler weighs little)
        x phrase boost (question words next to each other in helps-with, title, summary)
        x distance decay (when a location is given) x overdue penalty.
"""

from __future__ import annotations

import datetime
from array import array
from typing import TYPE_CHECKING

import numpy as np

from .expansion import AnalysedQuery
from .results import min_distance

if TYPE_CHECKING:  # the embedded engine's documents; the constants serve both engines
    from .engines.embedded.snapshot import Doc, Snapshot

PHRASE_PAIR_BOOST = 0.3  # all consecutive word pairs found next to each other: +30 %
WHOLE_PHRASE_BOOST = 0.3  # the whole question (2+ words) in one field: another +30 %
OVERDUE_PENALTY = 0.85  # information not checked for a year after its review date
DISTANCE_FLOOR = 0.7  # far away still keeps 70 % of its relevance
DISTANCE_SCALE_M = 1500.0
RELATIVE_THRESHOLD = 0.12  # results under 12 % of the best score are noise
# Preferences from query understanding ("voor ouderen", "in De Kwakel", "vandaag").
GROUP_PREFERENCE = 1.35
WIJK_PREFERENCE = 1.2
TIME_PREFERENCE = 1.3
NEAR_M = 1500.0  # browsing by a place: services with a place this close
PHRASE_CANDIDATES = 200
# Bounded candidates: of a term found in more services than this, only the services where
# it weighs most are candidates (the union over the question's terms is scored exactly).
# A catalogue where no term is that common is scored in full.
CANDIDATE_DEPTH = 1000
# Exact before synonym: a synonym-only match of a concept scores at most this share of the
# best exact match of the same concept.
SYNONYM_CAP = 0.8
# A synonym target found in more than this share of services is too generic to mean
# anything ("activiteit", "hulp"); it is not used. (Translations are kept: for an English
# word they are the only meaning.)
GENERIC_SHARE = 0.3
MIN_GENERIC_DOCS = 10
# A service that answers only part of a long question keeps this much of its score, so
# filler words around the main word never push the main service out.
COVERAGE_BASE = 0.25
TOKEN_BYTES = array("i").itemsize


def score(query: AnalysedQuery, snapshot: Snapshot, candidates=None) -> np.ndarray:
    """Relevance per document position (``snapshot.dense()``), 0 for documents that match no
    concept or are not among the candidates (a mask over positions; None: every document)."""
    dense = snapshot.dense()
    allowed = candidates
    totals = dense.zeros()
    covered = dense.zeros()
    meaning = 0.0
    generic = _generic_cut(snapshot)
    for concept in query.concepts:
        exact, other = dense.zeros(), dense.zeros()
        weights = []
        for alternative in concept.alternatives:
            lists = [snapshot.postings.get(t) for t in alternative.terms]
            if not all(lists):
                continue
            if alternative.kind == "synonym" and _too_generic(alternative.terms, snapshot, generic):
                continue
            idfs = [snapshot.idf(t) for t in alternative.terms]
            weights.append((alternative.kind == "exact", alternative.weight * max(idfs)))
            best = exact if alternative.kind in ("exact", "compound") else other
            if len(lists) == 1:
                _best_of_single(best, dense.term(lists[0]), alternative.weight * idfs[0])
            else:
                _best_of_group(best, [dense.term(p) for p in lists], idfs, alternative.weight)
        if allowed is not None:
            exact *= allowed
            other *= allowed
        if exact.any() and other.any():
            np.minimum(other, SYNONYM_CAP * exact.max(), out=other)
        merged = np.maximum(exact, other)
        if not merged.any():
            continue
        exact_weights = [w for is_exact, w in weights if is_exact]
        specificity = max(exact_weights or [w for _, w in weights] or [0.0])
        totals += merged
        covered += specificity * (merged > 0)
        meaning += specificity
    if not totals.any():
        return totals
    result = totals * (COVERAGE_BASE + (1.0 - COVERAGE_BASE) * covered / (meaning or 1.0))
    _boost_phrases(query, snapshot, result)
    return result


def bounded_candidates(query: AnalysedQuery, snapshot: Snapshot) -> np.ndarray | None:
    """The services worth scoring, as a mask over document positions: per term of the
    question (every alternative), the ``CANDIDATE_DEPTH`` where it weighs most. None: no
    term is that common, score all."""
    lists = [snapshot.postings[t] for t in sorted(query.terms) if t in snapshot.postings]
    if all(len(p[0]) <= CANDIDATE_DEPTH for p in lists):
        return None
    dense = snapshot.dense()
    allowed = np.zeros(len(dense), dtype=bool)
    for postings in lists:
        allowed[dense.top(postings, CANDIDATE_DEPTH)] = True
    return allowed


def _generic_cut(snapshot: Snapshot) -> float:
    n = len(snapshot.docs)
    return GENERIC_SHARE * n if n >= MIN_GENERIC_DOCS else float("inf")


def _too_generic(terms, snapshot: Snapshot, cut: float) -> bool:
    return all(snapshot.df.get(t, 0) > cut for t in terms)


def _best_of_single(best: np.ndarray, term: tuple[np.ndarray, np.ndarray], factor: float):
    """term: (positions, weights) of one posting list; keeps the higher score per position."""
    positions, weights = term
    best[positions] = np.maximum(best[positions], factor * weights)


def _best_of_group(best: np.ndarray, terms: list, idfs: list, weight: float) -> None:
    """All terms must occur; the score is the mean of the terms' scores."""
    total = np.zeros(len(best))
    found = np.zeros(len(best), dtype=np.int32)
    for (positions, weights), idf in zip(terms, idfs, strict=True):
        total[positions] += idf * weights
        found[positions] += 1
    value = np.where(found == len(terms), total * (weight / len(terms)), 0.0)
    np.maximum(best, value, out=best)


def _boost_phrases(query: AnalysedQuery, snapshot: Snapshot, scores: np.ndarray) -> None:
    stems = query.stems
    if len(stems) < 2:
        return
    # Phrase sequences hold token numbers; a stem no service has gets a number of its own.
    known = {stem: snapshot.token_id(stem) for stem in stems}
    unknown = {stem: -1 - i for i, stem in enumerate(s for s in known if known[s] < 0)}
    phrase = Phrase([known[stem] if known[stem] >= 0 else unknown[stem] for stem in stems])
    docs = snapshot.dense().docs
    for position in top_positions(scores, PHRASE_CANDIDATES):
        scores[position] *= phrase.factor(docs[position])


def top_positions(scores: np.ndarray, count: int) -> np.ndarray:
    """Positions of the ``count`` highest scores above 0 (in no particular order)."""
    matched = np.flatnonzero(scores)
    if len(matched) > count:
        matched = matched[np.argpartition(-scores[matched], count - 1)[:count]]
    return matched


class Phrase:
    """The question's words in order (token numbers), found in a service's phrase fields
    (token number arrays) by a byte search: each pair of consecutive words, and the whole."""

    def __init__(self, stems: list[int]):
        pairs = zip(stems, stems[1:], strict=False)
        self.pairs = {pair: array("i", pair).tobytes() for pair in pairs}
        self.whole = array("i", stems).tobytes()

    def factor(self, doc: Doc) -> float:
        found: set[tuple[int, int]] = set()
        whole = False
        for sequence in doc.sequences.values():
            data = sequence.tobytes()
            for pair, needle in self.pairs.items():
                if pair not in found and _contains(data, needle):
                    found.add(pair)
            if not whole and found and _contains(data, self.whole):
                whole = True
        factor = 1.0 + PHRASE_PAIR_BOOST * len(found) / len(self.pairs)
        return factor + (WHOLE_PHRASE_BOOST if whole else 0.0)


def _contains(data: bytes, needle: bytes) -> bool:
    """Whether the token numbers of ``needle`` occur in ``data`` (both packed arrays),
    starting at a token boundary."""
    at = data.find(needle)
    while at > 0 and at % TOKEN_BYTES:
        at = data.find(needle, at + 1)
    return at >= 0


def distance_factors(distance: np.ndarray, comes_to_you: np.ndarray) -> np.ndarray:
    """Closer is better, mildly (metres; NaN: no place, an average distance). Services at
    home or by phone are never pushed down."""
    metres = np.where(np.isnan(distance), DISTANCE_SCALE_M, distance)
    decay = DISTANCE_FLOOR + (1.0 - DISTANCE_FLOOR) * np.exp(-metres / DISTANCE_SCALE_M)
    return np.where(comes_to_you, 1.0, decay)


def browse_scores(dense, params) -> np.ndarray:
    """No words to match: every service, or, when the question said for whom, where or when
    ("ik kom uit Syrië", "vandaag in De Kwakel"), the services that fit that."""
    everything = np.ones(len(dense))
    if not (params.prefer_groups or params.prefer_wijken or params.prefer_windows):
        return everything
    fitting = np.fromiter(
        (preference_factor(d, params) > 1.0 or _near(d, params.origin) for d in dense.docs),
        dtype=bool,
        count=len(dense),
    )
    return fitting.astype(float) if fitting.any() else everything


def _near(doc: Doc, origin) -> bool:
    distance = min_distance(origin, doc.places)
    return distance is not None and distance <= NEAR_M


def preference_factor(doc: Doc, params) -> float:
    """What the question said about whom, where and when, as a mild boost (never a filter)."""
    factor = 1.0
    if params.prefer_groups and doc.facet_values["doelgroep"] & set(params.prefer_groups):
        factor *= GROUP_PREFERENCE
    if params.prefer_wijken and _in_wijken(doc, set(params.prefer_wijken)):
        factor *= WIJK_PREFERENCE
    if params.prefer_windows and _has_session_in(doc, params.prefer_windows):
        factor *= TIME_PREFERENCE
    return factor


def _in_wijken(doc: Doc, wijken: set[str]) -> bool:
    """Meant for the wijk, or has a place there."""
    return bool(doc.facet_values["wijk"] & wijken) or any(
        p.get("wijk") in wijken for p in doc.places
    )


def _has_session_in(doc: Doc, windows) -> bool:
    for start, end in windows:
        for session in doc.sessions_on(start.date()):
            if session.start < end and session.end > start:
                return True
    return False


def overdue_factors(overdue_day: np.ndarray, today: datetime.date) -> np.ndarray:
    """Per service: the penalty when its information is overdue (day ordinals; 0: never)."""
    late = (overdue_day > 0) & (overdue_day <= today.toordinal())
    return np.where(late, OVERDUE_PENALTY, 1.0)


def above_threshold(scores: np.ndarray) -> np.ndarray:
    """The scores with those under ``RELATIVE_THRESHOLD`` of the best set to 0."""
    if not len(scores):
        return scores
    return np.where(scores >= scores.max() * RELATIVE_THRESHOLD, scores, 0.0)
