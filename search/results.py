"""Helpers both engines use to turn stored services into typed results and facets."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from cms import geo, schedules
from cms.models.services import Cost

from .types import FacetValue, NextSession, SearchParams


def min_distance(origin: geo.Point | None, places: Iterable[dict]) -> float | None:
    if origin is None:
        return None
    distances = [
        geo.distance_m(origin, geo.Point(p["lat"], p["lon"]))
        for p in places
        if p.get("lat") is not None and p.get("lon") is not None
    ]
    return min(distances) if distances else None


def next_session(schedule: schedules.Schedule | None, now: datetime.datetime) -> NextSession | None:
    if schedule is None:
        return None
    found = schedules.next_sessions(schedule, now, count=1)
    if not found:
        return None
    session = found[0]
    return NextSession(
        start=session.start,
        end=session.end,
        place=session.place,
        extra=session.extra,
    )


def opening(schedule: schedules.Schedule | None, now: datetime.datetime) -> str:
    """The opening state as a sentence, or "" for a service without opening hours."""
    return schedules.opening_sentence(schedule, now) if schedule is not None else ""


def locations(origin: geo.Point | None, places: Iterable[dict]) -> list[dict]:
    """The places with coordinates (name, address, lat, lon), the nearest first."""
    found = [
        {
            "name": p.get("name", ""),
            "address": p.get("address", ""),
            "lat": p["lat"],
            "lon": p["lon"],
        }
        for p in places
        if p.get("lat") is not None and p.get("lon") is not None
    ]
    if origin is not None:
        found.sort(key=lambda p: geo.distance_m(origin, geo.Point(p["lat"], p["lon"])))
    return found


def facet_values(
    counts: dict[str, int], labels: dict[str, str], selected: Iterable[str], order=None
) -> list[FacetValue]:
    """Values with their counts; selected values stay visible even when their count is 0."""
    chosen = set(selected)
    values = set(counts) | (chosen & set(labels))
    if order is None:
        ordered = sorted(values, key=lambda v: labels.get(v, v).lower())
    else:
        ordered = [v for v in order if v in values]
    return [
        FacetValue(value=v, label=labels.get(v, v), count=counts.get(v, 0), selected=v in chosen)
        for v in ordered
    ]


COST_ORDER = [value for value, _ in Cost.choices]


def cost_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Cost.choices}


def now_for(params: SearchParams) -> datetime.datetime:
    from django.utils import timezone

    return params.now or timezone.now()


def labels() -> dict[str, dict[str, str]]:
    """Names of the facet values, from the CMS (for engines that only return slugs)."""
    from cms.models import TargetGroup, Theme, WijkPage

    return {
        "thema": dict(Theme.objects.values_list("slug", "name")),
        "doelgroep": dict(TargetGroup.objects.values_list("slug", "name")),
        "wijk": dict(WijkPage.objects.live().values_list("slug", "title")),
    }
