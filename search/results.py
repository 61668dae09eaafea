"""Helpers both engines use to turn stored records into typed results and facets."""

from __future__ import annotations

import dataclasses
import datetime
import math
from collections.abc import Iterable

from django.utils import translation

from agenda import schedules, wording
from places import geo

from .record import FACETS, Kind, schedule_from_json
from .types import FacetValue, NextSession, ResultItem, SearchParams


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
    return wording.opening_sentence(schedule, now) if schedule is not None else ""


def locations(origin: geo.Point | None, places: Iterable[dict]) -> list[dict]:
    """The public places, the nearest first when there is an origin (places without
    coordinates last)."""
    found = list(places)
    if origin is not None:
        found.sort(
            key=lambda p: (
                geo.distance_m(origin, geo.Point(p["lat"], p["lon"]))
                if p.get("lat") is not None and p.get("lon") is not None
                else math.inf
            )
        )
    return found


def result_item(
    record,
    distance: float | None,
    *,
    score: float,
    now: datetime.datetime,
    schedule: schedules.Schedule | None = None,
    open_now: bool | None = None,
    origin: geo.Point | None = None,
) -> ResultItem:
    """The typed result of one record; the same for every engine.

    ``schedule`` / ``open_now``: when the engine already has them (saves parsing again).
    ``origin``: the place asked from; the record's places then come nearest first.
    """
    if schedule is None:
        schedule = schedule_from_json(record.schedule)
    if open_now is None:
        open_now = schedule is not None and schedules.is_open(schedule, now)
    title, summary, url = _texts_in_language(record)
    return ResultItem(
        slug=record.slug,
        title=title,
        summary=summary,
        url=url,
        organisation=record.organisation,
        themes=record.themes,
        distance_m=round(distance) if distance is not None else None,
        open_now=open_now,
        next_session=next_session(schedule, now),
        places=[p["name"] for p in record.places],
        at_home=record.at_home,
        by_phone_or_online=record.by_phone_or_online,
        has_schedule=schedule is not None,
        score=round(score, 4),
        opening=opening(schedule, now),
        contact=record.contact,
        locations=locations(origin, record.places),
        languages=record.languages,
        target_groups=record.target_groups,
    )


def _texts_in_language(record) -> tuple[str, str, str]:
    """Title, summary and address in the language of the page (or ``?lang=``): the English
    translation's when there is one, the Dutch source's otherwise."""
    if translation.get_language() == "en" and getattr(record, "title_en", ""):
        return record.title_en, record.summary_en or record.summary, record.url_en or record.url
    return record.title, record.summary, record.url


def organisations_in_language(items: list[ResultItem]) -> list[ResultItem]:
    """The items with each organisation named in the active language: the title of the
    organisation page's live translation when there is one, the Dutch name otherwise. The
    record keeps the Dutch name; this is two queries for a page of results, none in Dutch."""
    from cms.models import OrganisationPage
    from cms.translations import localized_by_slug

    slugs = {item.organisation["slug"] for item in items if item.organisation}
    shown = localized_by_slug(OrganisationPage, slugs)
    return [
        dataclasses.replace(
            item, organisation={**item.organisation, "name": shown[item.organisation["slug"]].title}
        )
        if item.organisation and item.organisation["slug"] in shown
        else item
        for item in items
    ]


def facet_labels(name: str) -> dict[str, str]:
    """Labels of a facet whose values do not carry their own (costs, languages)."""
    field = FACETS[name]
    return field.labels() if field.labels else {}


def facet_order(name: str) -> list[str] | None:
    """Keyword facets with fixed labels (costs) keep the order of their choices."""
    field = FACETS[name]
    return list(field.labels()) if field.kind == Kind.KEYWORD and field.labels else None


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


def now_for(params: SearchParams) -> datetime.datetime:
    from django.utils import timezone

    return params.now or timezone.now()


def labels() -> dict[str, dict[str, str]]:
    """Names of the facet values, from the CMS (for engines that only return slugs)."""
    from cms.models import TargetGroup, Theme, WijkPage
    from cms.translations import localized, source_pages

    wijken = localized(
        source_pages(WijkPage.objects.live()).only("slug", "title", "translation_key")
    )
    return {
        "thema": {theme.slug: theme.shown_name for theme in Theme.objects.all()},
        "doelgroep": {group.slug: group.shown_name for group in TargetGroup.objects.all()},
        "wijk": {wijk.slug: wijk.title for wijk in wijken},
    }
