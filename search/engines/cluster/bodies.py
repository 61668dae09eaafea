"""Query bodies for the cluster (Elasticsearch 8 and OpenSearch 2 alike) for a ``SearchParams``,
and typed results from the response.

What someone typed only ever reaches Elasticsearch as the ``query`` of ``multi_match``
(analysed text, no query syntax), never through ``query_string``.

Ranking mirrors the embedded engine: field boosts helps-with > title > summary > body,
fuzziness for typos, a boost for phrase matches, a mild distance decay (never for services
that come to you) and a mild penalty for information that is a year overdue.
"""

from __future__ import annotations

import datetime
import math

from elasticsearch_dsl import Q, Search

from search import ranking
from search.record import FACETS, STORED, TEXT_CLASSES, Kind, ServiceRecord
from search.results import facet_labels, facet_order, facet_values, min_distance, result_item
from search.types import Engine, SearchParams, SearchResult, Sort

FIELDS = [f"{c.name}^{c.weight:g}" for c in TEXT_CLASSES if c.language == "nl"]
PHRASE_FIELDS = [f"{c.name}^{c.weight:g}" for c in TEXT_CLASSES if c.phrases]
# Asked in English: the English translation's texts too (the Dutch ones stay: a Dutch
# question on the English site, and the English vocabulary's Dutch words).
ENGLISH_FIELDS = FIELDS + [f"{c.name}^{c.weight:g}" for c in TEXT_CLASSES if c.language == "en"]
FACET_FIELDS = {
    name: f"{field.name}.slug" if field.kind == Kind.LABELS else field.name
    for name, field in FACETS.items()
}
SOURCE = [f.name for f in STORED]
SPELLING_MIN_LENGTH = 4


CORRECTED_BOOST = 0.85  # the same weight for a spelling correction as the embedded engine


def text_query(q: str, corrected: str | None = None, lang: str = "nl") -> dict:
    """``corrected``: the question with misspelt words corrected (``did_you_mean``)."""
    if not q.strip():
        return {"match_all": {}}
    should = [
        {
            "multi_match": {
                "query": q,
                "fields": ENGLISH_FIELDS if lang == "en" else FIELDS,
                "type": "best_fields",
                "fuzziness": "AUTO:5,8",
                "prefix_length": 1,
            }
        },
        {
            "multi_match": {
                "query": q,
                "fields": PHRASE_FIELDS,
                "type": "phrase",
                "slop": 1,
                "boost": 2,
            }
        },
    ]
    if corrected and corrected != q:
        should.append(
            {
                "multi_match": {
                    "query": corrected,
                    "fields": FIELDS,
                    "type": "best_fields",
                    "boost": CORRECTED_BOOST,
                }
            }
        )
    return {"bool": {"should": should, "minimum_should_match": 1}}


def scored_query(
    params: SearchParams, now: datetime.datetime, corrected: str | None = None
) -> dict:
    query = text_query(params.q, corrected, params.lang)
    if params.origin is not None:
        floor = ranking.DISTANCE_FLOOR
        near = round(1 - floor, 4)
        query = {
            "function_score": {
                "query": query,
                "functions": [
                    {"weight": floor},
                    {
                        "filter": {
                            "bool": {
                                "filter": [
                                    {"term": {"comes_to_you": False}},
                                    {"exists": {"field": "locations"}},
                                ]
                            }
                        },
                        "exp": {
                            "locations": {
                                "origin": {"lat": params.origin.lat, "lon": params.origin.lon},
                                "scale": f"{int(ranking.DISTANCE_SCALE_M)}m",
                                "decay": 0.3679,  # e^-1: exp(-distance / scale)
                            },
                            "multi_value_mode": "min",
                        },
                        "weight": near,
                    },
                    {"filter": {"term": {"comes_to_you": True}}, "weight": near},
                    {  # no place and not at home: as if at the average distance (scale)
                        "filter": {
                            "bool": {
                                "filter": [{"term": {"comes_to_you": False}}],
                                "must_not": [{"exists": {"field": "locations"}}],
                            }
                        },
                        "weight": round(near * math.exp(-1), 4),
                    },
                ],
                "score_mode": "sum",
                "boost_mode": "multiply",
            }
        }
    preferences = preference_filters(params)
    if not params.q.strip() and preferences:
        # Browsing by what the question said ("ik kom uit Syrië", "vandaag in De Kwakel"):
        # the services that fit it, as ranking.browse_scores does.
        fitting = [clause for clause, _ in preferences]
        if params.origin is not None:
            fitting.append(_near(params.origin))
        query = {"bool": {"must": [query], "filter": [{"bool": {"should": fitting}}]}}
    return {
        "function_score": {
            "query": query,
            "functions": [
                {
                    "filter": {"range": {"overdue_from": {"lte": now.date().isoformat()}}},
                    "weight": ranking.OVERDUE_PENALTY,
                },
                *({"filter": clause, "weight": weight} for clause, weight in preferences),
            ],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def preference_filters(params: SearchParams) -> list[tuple[dict, float]]:
    """What the question said about whom, where and when (ranking.preference_factor): a
    filter and the factor a service that fits it gets. A mild boost, never a filter."""
    found = []
    if params.prefer_groups:
        found.append(
            (
                {"terms": {"target_groups.slug": list(params.prefer_groups)}},
                ranking.GROUP_PREFERENCE,
            )
        )
    if params.prefer_wijken:
        wijken = list(params.prefer_wijken)
        in_wijk = [{"terms": {"wijken.slug": wijken}}, {"terms": {"place_wijken": wijken}}]
        found.append(({"bool": {"should": in_wijk}}, ranking.WIJK_PREFERENCE))
    if params.prefer_windows:
        sessions = [
            {
                "range": {
                    "sessions": {
                        "gt": _instant(start),
                        "lt": _instant(end),
                        "relation": "intersects",
                    }
                }
            }
            for start, end in params.prefer_windows
        ]
        found.append(({"bool": {"should": sessions}}, ranking.TIME_PREFERENCE))
    return found


def _near(origin) -> dict:
    return {
        "geo_distance": {
            "distance": f"{int(ranking.NEAR_M)}m",
            "locations": {"lat": origin.lat, "lon": origin.lon},
        }
    }


def _instant(now: datetime.datetime) -> str:
    return now.replace(microsecond=0).isoformat()


def _filters(params: SearchParams, now: datetime.datetime, skip: str | None = None) -> list:
    clauses = [
        {"terms": {FACET_FIELDS[name]: list(values)}}
        for name, values in params.filters().items()
        if values and name != skip
    ]
    if params.open_now and skip != "open_nu":
        clauses.append({"term": {"sessions": _instant(now)}})
    return clauses


def build_search(
    params: SearchParams, now: datetime.datetime, corrected: str | None = None
) -> dict:
    """The search body: scored query, filters after scoring, one aggregation per facet that
    every filter narrows except its own, and the did-you-mean (term suggester).
    ``corrected``: the question as the suggester corrected it (a lower-weighted clause)."""
    search = (
        Search()
        .query(Q(scored_query(params, now, corrected)))
        .post_filter(Q("bool", filter=_filters(params, now)))
        .extra(
            from_=(params.page - 1) * params.page_size,
            size=params.page_size,
            track_total_hits=True,
        )
        .source(SOURCE)
    )
    for name, field in FACET_FIELDS.items():
        facet = Q("bool", filter=_filters(params, now, skip=name))
        search.aggs.bucket(name, "filter", filter=facet).bucket(
            "values", "terms", field=field, size=100
        )
    open_now = [*_filters(params, now, skip="open_nu"), {"term": {"sessions": _instant(now)}}]
    search.aggs.bucket("open_nu", "filter", filter=Q("bool", filter=open_now))
    if params.q.strip():
        search = search.suggest(
            "spelling",
            params.q,
            term={
                "field": "spelling",
                "suggest_mode": "missing",
                "min_word_length": SPELLING_MIN_LENGTH,
                "size": 1,
            },
        )
    body = search.to_dict()
    if params.sort == Sort.DISTANCE and params.origin is not None:
        body["sort"] = [
            {"only_comes_to_you": {"order": "desc"}},
            {
                "_geo_distance": {
                    "locations": {"lat": params.origin.lat, "lon": params.origin.lon},
                    "order": "asc",
                    "unit": "m",
                    "mode": "min",
                }
            },
            "_score",
        ]
    return body


def build_suggest(prefix: str, limit: int) -> dict:
    return {
        "_source": ["title", "helps_with"],  # to show the whole phrase, see elastic.suggest
        "suggest": {
            "services": {
                "prefix": prefix,
                "completion": {"field": "suggest", "size": limit, "skip_duplicates": True},
            }
        },
    }


# --------------------------------------------------------------------------- responses


def did_you_mean(q: str, response: dict) -> str | None:
    """The question with each word the suggester knows a better spelling of replaced."""
    entries = response.get("suggest", {}).get("spelling", [])
    corrected, changed = q, False
    for entry in sorted(entries, key=lambda e: e["offset"], reverse=True):
        if entry["options"]:
            start, end = entry["offset"], entry["offset"] + entry["length"]
            corrected = corrected[:start] + entry["options"][0]["text"] + corrected[end:]
            changed = True
    return corrected if changed and corrected.lower() != q.lower() else None


def parse_response(
    response: dict, params: SearchParams, now: datetime.datetime, labels: dict[str, dict]
) -> SearchResult:
    """``labels``: facet name -> {slug: name}, for the facet values (see results.labels)."""
    hits = response["hits"]["hits"]
    aggregations = response.get("aggregations", {})
    facets = {}
    for name in FACET_FIELDS:
        buckets = aggregations.get(name, {}).get("values", {}).get("buckets", [])
        counts = {b["key"]: b["doc_count"] for b in buckets}
        facets[name] = facet_values(
            counts,
            {**facet_labels(name), **labels.get(name, {})},
            params.filters()[name],
            facet_order(name),
        )
    results = []
    for hit in hits:
        record = ServiceRecord.from_stored(int(hit["_id"]), hit["_source"])
        distance = min_distance(params.origin, record.places)
        score = hit.get("_score") or 0.0
        results.append(result_item(record, distance, score=score, now=now, origin=params.origin))
    return SearchResult(
        query=params.q,
        count=response["hits"]["total"]["value"],
        engine=Engine.ELASTICSEARCH,
        results=results,
        facets=facets,
        open_now_count=aggregations.get("open_nu", {}).get("doc_count", 0),
        open_now_selected=params.open_now,
        suggestion=did_you_mean(params.q, response),
        page=params.page,
        page_size=params.page_size,
    )
