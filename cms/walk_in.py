"""Walk-in points (binnenlopen zonder afspraak, pop-up loketten included) in the order a
resident needs them: open now first, then the one that opens soonest, then the nearest."""

from __future__ import annotations

import dataclasses
import datetime
import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from agenda import schedules, wording
from places import geo
from places.postcodes import UnknownPostcode, locate_postcode


@dataclass(frozen=True)
class WalkInPoint:
    service: object  # cms.models.ServicePage
    state: wording.OpeningState
    next_sessions: list[schedules.Session]
    changes: list[schedules.DayChange]  # days that differ from the regular hours
    rules: list[str]
    place: object | None = None  # the nearest cms.models.Place
    distance_m: int | None = None


@dataclass(frozen=True)
class WalkInList:
    points: list[WalkInPoint]
    postcode: str = ""
    origin: geo.Point | None = None
    messages: list[str] = field(default_factory=list)


def read_postcode(value: str) -> tuple[str, geo.Point | None, list[str]]:
    """(postcode as shown, its centre, Dutch messages). A wrong postcode never fails."""
    typed = " ".join((value or "").split())[:20]
    if not typed:
        return "", None, []
    try:
        location = locate_postcode(typed)
    except UnknownPostcode as error:
        return typed, None, [str(error)]
    except geo.GeoError:
        return (
            typed,
            None,
            [_("Dit is geen postcode. Een postcode is bijvoorbeeld 1422 AA of 1422.")],
        )
    return location.postcode, location.point, []


def _nearest(places: list, origin: geo.Point | None):
    if not places:
        return None, None
    if origin is None:
        return places[0], None
    distance, place = min(
        ((geo.distance_m(origin, p.point), p) for p in places), key=lambda pair: pair[0]
    )
    return place, round(distance)


def order_key(point: WalkInPoint) -> tuple:
    opens = point.state.opens.timestamp() if point.state.opens else math.inf
    distance = point.distance_m if point.distance_m is not None else math.inf
    return (not point.state.open, 0 if point.state.open else opens, distance)


def walk_in_points(
    services, now: datetime.datetime, origin: geo.Point | None = None
) -> list[WalkInPoint]:
    """``services``: walk-in ServicePages with opening hours (see pages.walk_in_services)."""
    today = now.astimezone(schedules.TIMEZONE).date()
    found = []
    for service in services:
        schedule = service.schedule()
        place, distance = _nearest(list(service.places.all()), origin)
        found.append(
            WalkInPoint(
                service=service,
                state=wording.opening_state(schedule, now),
                next_sessions=schedules.next_sessions(schedule, now, count=3),
                changes=schedules.upcoming_changes(schedule, today, days=60),
                rules=[rule.describe() for rule in service.opening_rules.all()],
                place=place,
                distance_m=distance,
            )
        )
    return sorted(found, key=order_key)


def with_services(found: WalkInList, services: list) -> WalkInList:
    """The same list with each point's service replaced (e.g. by its translation)."""
    points = [
        dataclasses.replace(point, service=service)
        for point, service in zip(found.points, services, strict=True)
    ]
    return dataclasses.replace(found, points=points)


def walk_in_list(services, now: datetime.datetime, postcode: str = "") -> WalkInList:
    shown, origin, messages = read_postcode(postcode)
    return WalkInList(
        points=walk_in_points(services, now, origin),
        postcode=shown,
        origin=origin,
        messages=messages,
    )
