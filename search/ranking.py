"""Relevance of services to an analysed question (embedded engine), and the ranking blend.

score = (sum over concepts of the best alternative's weighted BM25 score)
        x coverage (share of the question's meaning the service answers: each matchable
          concept weighs by how specific its word is, so filler weighs little)
        x phrase boost (question words next to each other in helps-with, title, summary)
        x distance decay (when a location is given) x overdue penalty.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

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


def score(
    query: AnalysedQuery, snapshot: Snapshot, candidates: set[int] | None = None
) -> dict[int, float]:
    """Relevance per document id, for the candidates (None: every document) that match at
    least one concept."""
    concept_scores: list[dict[int, float]] = []
    specificity: list[float] = []
    generic = _generic_cut(snapshot)
    for concept in query.concepts:
        exact: dict[int, float] = {}
        other: dict[int, float] = {}
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
                _best_of_single(best, lists[0], alternative.weight * idfs[0], candidates)
            else:
                _best_of_group(best, lists, idfs, alternative.weight, candidates)
        if exact and other:
            cap = SYNONYM_CAP * max(exact.values())
            other = {d: min(v, cap) for d, v in other.items()}
        merged = dict(other)
        for doc_id, value in exact.items():
            if value > merged.get(doc_id, 0.0):
                merged[doc_id] = value
        concept_scores.append(merged)
        exact_weights = [w for is_exact, w in weights if is_exact]
        specificity.append(max(exact_weights or [w for _, w in weights] or [0.0]))
    matchable = [(s, w) for s, w in zip(concept_scores, specificity, strict=True) if s]
    if not matchable:
        return {}
    totals: dict[int, float] = {}
    covered: dict[int, float] = {}
    for scores, weight in matchable:
        for doc_id, value in scores.items():
            totals[doc_id] = totals.get(doc_id, 0.0) + value
            covered[doc_id] = covered.get(doc_id, 0.0) + weight
    meaning = sum(w for _, w in matchable) or 1.0
    result = {
        doc_id: total * (COVERAGE_BASE + (1.0 - COVERAGE_BASE) * covered[doc_id] / meaning)
        for doc_id, total in totals.items()
    }
    _boost_phrases(query, snapshot, result)
    return result


def bounded_candidates(query: AnalysedQuery, snapshot: Snapshot) -> set[int] | None:
    """The services worth scoring: per term of the question (every alternative), the
    ``CANDIDATE_DEPTH`` where it weighs most. None: no term is that common, score all."""
    terms = {t for t in query.terms if t in snapshot.postings}
    if all(len(snapshot.postings[t][0]) <= CANDIDATE_DEPTH for t in terms):
        return None
    found: set[int] = set()
    for term in terms:
        found.update(snapshot.top_ids(term, CANDIDATE_DEPTH))
    return found


def _generic_cut(snapshot: Snapshot) -> float:
    n = len(snapshot.docs)
    return GENERIC_SHARE * n if n >= MIN_GENERIC_DOCS else float("inf")


def _too_generic(terms, snapshot: Snapshot, cut: float) -> bool:
    return all(snapshot.df.get(t, 0) > cut for t in terms)


def _best_of_single(best: dict, postings, factor: float, candidates: set | None) -> None:
    """postings: (document ids, weights), two arrays of the same length."""
    get = best.get
    if candidates is None:
        for doc_id, weight in zip(*postings, strict=True):
            value = factor * weight
            if value > get(doc_id, 0.0):
                best[doc_id] = value
        return
    for doc_id, weight in zip(*postings, strict=True):
        if doc_id in candidates:
            value = factor * weight
            if value > get(doc_id, 0.0):
                best[doc_id] = value


def _best_of_group(
    best: dict, lists: list, idfs: list, weight: float, candidates: set | None
) -> None:
    """All terms must occur; the score is the mean of the terms' scores."""
    factor = weight / len(lists)
    shortest = min(lists, key=lambda p: len(p[0]))
    lookups = [dict(zip(*p, strict=True)) for p in lists]
    for doc_id in shortest[0]:
        if candidates is not None and doc_id not in candidates:
            continue
        total = 0.0
        for postings, idf in zip(lookups, idfs, strict=True):
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
    # Phrase sequences hold token numbers; a stem no service has gets a number of its own.
    known = {stem: snapshot.token_id(stem) for stem in stems}
    unknown = {stem: -1 - i for i, stem in enumerate(s for s in known if known[s] < 0)}
    stems = [known[stem] if known[stem] >= 0 else unknown[stem] for stem in stems]
    pairs = set(zip(stems, stems[1:], strict=False))
    top = sorted(scores, key=scores.__getitem__, reverse=True)[:PHRASE_CANDIDATES]
    for doc_id in top:
        scores[doc_id] *= phrase_factor(snapshot.docs[doc_id], stems, pairs)


def phrase_factor(doc: Doc, stems: list[int], pairs: set[tuple[int, int]]) -> float:
    found: set[tuple[int, int]] = set()
    whole = False
    size = len(stems)
    for sequence in doc.sequences.values():
        for i in range(len(sequence) - 1):
            pair = (sequence[i], sequence[i + 1])
            if pair in pairs:
                found.add(pair)
                if not whole and sequence[i] == stems[0] and list(sequence[i : i + size]) == stems:
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


def browse_scores(docs, params) -> dict[int, float]:
    """No words to match: every service, or, when the question said for whom, where or when
    ("ik kom uit Syrië", "vandaag in De Kwakel"), the services that fit that."""
    scores = {doc.id: 1.0 for doc in docs}
    if not (params.prefer_groups or params.prefer_wijken or params.prefer_windows):
        return scores
    fitting = {
        doc.id: 1.0
        for doc in docs
        if preference_factor(doc, params) > 1.0 or _near(doc, params.origin)
    }
    return fitting or scores


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


def overdue_factor(doc: Doc, today) -> float:
    return OVERDUE_PENALTY if doc.overdue_from and today >= doc.overdue_from else 1.0


def above_threshold(scores: dict[int, float]) -> dict[int, float]:
    if not scores:
        return scores
    cut = max(scores.values()) * RELATIVE_THRESHOLD
    return {doc_id: value for doc_id, value in scores.items() if value >= cut}
