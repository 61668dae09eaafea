"""Relevance of services to an analysed question (embedded engine), and the ranking blend.

score = (sum over concepts of the best alternative's weighted BM25 score)
        x coverage (share of the question's matchable concepts the service answers)
        x phrase boost (question words next to each other in helps-with, title, summary)
        x distance decay (when a location is given) x overdue penalty.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .expansion import AnalysedQuery

if TYPE_CHECKING:  # the embedded engine's documents; the constants serve both engines
    from .engines.embedded.snapshot import Doc, Snapshot

PHRASE_PAIR_BOOST = 0.3  # all consecutive word pairs found next to each other: +30 %
WHOLE_PHRASE_BOOST = 0.3  # the whole question (2+ words) in one field: another +30 %
OVERDUE_PENALTY = 0.85  # information not checked for a year after its review date
DISTANCE_FLOOR = 0.7  # far away still keeps 70 % of its relevance
DISTANCE_SCALE_M = 1500.0
RELATIVE_THRESHOLD = 0.12  # results under 12 % of the best score are noise
PHRASE_CANDIDATES = 200


def score(query: AnalysedQuery, snapshot: Snapshot, candidates: set[int]) -> dict[int, float]:
    """Relevance per document id, for the candidates that match at least one concept."""
    concept_scores: list[dict[int, float]] = []
    for concept in query.concepts:
        best: dict[int, float] = {}
        for alternative in concept.alternatives:
            lists = [snapshot.postings.get(t) for t in alternative.terms]
            if not all(lists):
                continue
            idfs = [snapshot.idf(t) for t in alternative.terms]
            if len(lists) == 1:
                _best_of_single(best, lists[0], alternative.weight * idfs[0], candidates)
            else:
                _best_of_group(best, lists, idfs, alternative.weight, candidates)
        concept_scores.append(best)
    matchable = [s for s in concept_scores if s]
    if not matchable:
        return {}
    totals: dict[int, float] = {}
    matched: dict[int, int] = {}
    for scores in matchable:
        for doc_id, value in scores.items():
            totals[doc_id] = totals.get(doc_id, 0.0) + value
            matched[doc_id] = matched.get(doc_id, 0) + 1
    n = len(matchable)
    result = {doc_id: total * matched[doc_id] / n for doc_id, total in totals.items()}
    _boost_phrases(query, snapshot, result)
    return result


def _best_of_single(best: dict, postings: dict, factor: float, candidates: set) -> None:
    get = best.get
    for doc_id, weight in postings.items():
        value = factor * weight
        if value > get(doc_id, 0.0) and doc_id in candidates:
            best[doc_id] = value


def _best_of_group(best: dict, lists: list, idfs: list, weight: float, candidates: set) -> None:
    """All terms must occur; the score is the mean of the terms' scores."""
    factor = weight / len(lists)
    for doc_id in min(lists, key=len):
        if doc_id not in candidates:
            continue
        total = 0.0
        for postings, idf in zip(lists, idfs, strict=True):
            value = postings.get(doc_id)
            if value is None:
                break
            total += idf * value
        else:
            if factor * total > best.get(doc_id, 0.0):
                best[doc_id] = factor * total


def _boost_phrases(query: AnalysedQuery, snapshot: Snapshot, scores: dict[int, float]) -> None:
    stems = query.stems
    if len(stems) < 2:
        return
    pairs = set(zip(stems, stems[1:], strict=False))
    top = sorted(scores, key=scores.__getitem__, reverse=True)[:PHRASE_CANDIDATES]
    for doc_id in top:
        scores[doc_id] *= phrase_factor(snapshot.docs[doc_id], stems, pairs)


def phrase_factor(doc: Doc, stems: list[str], pairs: set[tuple[str, str]]) -> float:
    found: set[tuple[str, str]] = set()
    whole = False
    size = len(stems)
    for sequence in doc.sequences.values():
        for i in range(len(sequence) - 1):
            pair = (sequence[i], sequence[i + 1])
            if pair in pairs:
                found.add(pair)
                if not whole and sequence[i] == stems[0] and sequence[i : i + size] == stems:
                    whole = True
    factor = 1.0 + PHRASE_PAIR_BOOST * len(found) / len(pairs)
    return factor + (WHOLE_PHRASE_BOOST if whole else 0.0)


def distance_factor(doc: Doc, distance: float | None) -> float:
    """Closer is better, mildly. Services at home or by phone are never pushed down."""
    if doc.at_home or doc.by_phone_or_online:
        return 1.0
    if distance is None:  # no place: treat as an average distance
        distance = DISTANCE_SCALE_M
    return DISTANCE_FLOOR + (1.0 - DISTANCE_FLOOR) * math.exp(-distance / DISTANCE_SCALE_M)


def overdue_factor(doc: Doc, today) -> float:
    return OVERDUE_PENALTY if doc.overdue_from and today >= doc.overdue_from else 1.0


def above_threshold(scores: dict[int, float]) -> dict[int, float]:
    if not scores:
        return scores
    cut = max(scores.values()) * RELATIVE_THRESHOLD
    return {doc_id: value for doc_id, value in scores.items() if value >= cut}
