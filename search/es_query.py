"""Elasticsearch query bodies for a ``SearchParams``, and typed results from the response.

What someone typed only ever reaches Elasticsearch as the ``query`` of ``multi_match``
(analysed text, no query syntax), never through ``query_string``.

Ranking mirrors the embedded engine: field boosts helps-with > title > summary > body,
fuzziness for typos, a boost for phrase matches, a mild distance decay (never for services
that come to you) and a mild penalty for information that is a year overdue.
"""

from __future__ import annotations

import datetime
import math

from cms import schedules

from . import ranking
from .records import schedule_from_json
from .results import (
    COST_ORDER,
    cost_labels,
    facet_values,
    locations,
    min_distance,
    next_session,
    opening,
)
from .types import Engine, ResultItem, SearchParams, SearchResult, Sort

FIELDS = ["helps_with^4", "title^3", "summary^2", "body^1", "extra^0.75"]
PHRASE_FIELDS = ["helps_with^4", "title^3", "summary^2"]
FACET_FIELDS = {
    "thema": "themes.slug",
    "doelgroep": "target_groups.slug",
    "wijk": "wijken.slug",
    "kosten": "cost",
}
SOURCE = [
    "slug", "title", "summary", "url", "organisation", "themes", "places", "at_home",
    "by_phone_or_online", "schedule",
]  # fmt: skip


def text_query(q: str) -> dict:
    if not q.strip():
        return {"match_all": {}}
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": q,
                        "fields": FIELDS,
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
            ],
            "minimum_should_match": 1,
        }
    }


def scored_query(params: SearchParams, now: datetime.datetime) -> dict:
    query = text_query(params.q)
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
    return {
        "function_score": {
            "query": query,
            "functions": [
                {
                    "filter": {"range": {"overdue_from": {"lte": now.date().isoformat()}}},
                    "weight": ranking.OVERDUE_PENALTY,
                }
            ],
            "score_mode": "multiply",
            "boost_mode": "multiply",
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


def build_search(params: SearchParams, now: datetime.datetime) -> dict:
    aggs = {
        name: {
            "filter": {"bool": {"filter": _filters(params, now, skip=name)}},
            "aggs": {"values": {"terms": {"field": field, "size": 100}}},
        }
        for name, field in FACET_FIELDS.items()
    }
    aggs["open_nu"] = {
        "filter": {
            "bool": {
                "filter": [
                    *_filters(params, now, skip="open_nu"),
                    {"term": {"sessions": _instant(now)}},
                ]
            }
        }
    }
    body: dict = {
        "query": scored_query(params, now),
        "post_filter": {"bool": {"filter": _filters(params, now)}},
        "aggs": aggs,
        "from": (params.page - 1) * params.page_size,
        "size": params.page_size,
        "track_total_hits": True,
        "_source": SOURCE,
    }
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
        "_source": False,
        "suggest": {
            "services": {
                "prefix": prefix,
                "completion": {"field": "suggest", "size": limit, "skip_duplicates": True},
            }
        },
    }


# --------------------------------------------------------------------------- responses


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
        facet_labels = cost_labels() if name == "kosten" else labels.get(name, {})
        facets[name] = facet_values(
            counts,
            facet_labels,
            params.filters()[name],
            COST_ORDER if name == "kosten" else None,
        )
    results = []
    for hit in hits:
        source = hit["_source"]
        schedule = schedule_from_json(source.get("schedule"))
        distance = min_distance(params.origin, source.get("places") or [])
        results.append(
            ResultItem(
                slug=source["slug"],
                title=source["title"],
                summary=source["summary"],
                url=source["url"],
                organisation=source.get("organisation"),
                themes=source.get("themes") or [],
                distance_m=round(distance) if distance is not None else None,
                open_now=bool(schedule) and _open(schedule, now),
                next_session=next_session(schedule, now),
                places=[p["name"] for p in source.get("places") or []],
                at_home=bool(source.get("at_home")),
                by_phone_or_online=bool(source.get("by_phone_or_online")),
                has_schedule=schedule is not None,
                score=round(hit.get("_score") or 0.0, 4),
                opening=opening(schedule, now),
                contact=source.get("contact") or {},
                locations=locations(params.origin, source.get("places") or []),
            )
        )
    return SearchResult(
        query=params.q,
        count=response["hits"]["total"]["value"],
        engine=Engine.ELASTICSEARCH,
        results=results,
        facets=facets,
        open_now_count=aggregations.get("open_nu", {}).get("doc_count", 0),
        open_now_selected=params.open_now,
        page=params.page,
        page_size=params.page_size,
    )


def _open(schedule, now) -> bool:
    return schedules.is_open(schedule, now)
