"""The wegwijzer's result: fitting services (through the one search function), the nearest
walk-in loket with its next session, and the sleutelpersonen of the resident's wijk."""

from __future__ import annotations

import dataclasses
import datetime
import math
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.http import urlencode

from agenda import wording
from cms.translations import localized_page
from places import geo
from search import query
from search.types import ResultItem, SearchParams

from .flow import Choices
from .urgent import UrgentHelp, urgent_help

MAX_SERVICES = 8


@dataclass(frozen=True)
class Loket:
    service: object  # cms.models.ServicePage
    next_session: object | None  # agenda.schedules.Session
    open_now: bool
    distance_m: int | None
    place: object | None  # the nearest cms.models.Place
    fits_theme: bool
    state: object | None = None  # agenda.wording.OpeningState


@dataclass
class Advice:
    services: list[ResultItem]
    total: int
    broadened: bool
    search_query: str  # the same search, for /zoeken/ and /kaart/
    loket: Loket | None = None
    wijk: object | None = None  # cms.models.WijkPage
    sleutelpersonen: list = field(default_factory=list)
    urgent: UrgentHelp | None = None  # only when the resident needs help today


def search_params(choices: Choices, *, with_groups: bool = True) -> SearchParams:
    return SearchParams(
        themes=choices.themes,
        target_groups=choices.target_groups if with_groups else (),
        origin=choices.location.point if choices.location else None,
        page_size=MAX_SERVICES,
    )


def _search_query(params: SearchParams, postcode: str) -> str:
    data = [("thema", slug) for slug in params.themes]
    data += [("doelgroep", slug) for slug in params.target_groups]
    if postcode:
        data.append(("postcode", postcode))
    return urlencode(data)


def fits_groups(service, groups: tuple[str, ...]) -> bool:
    """A service with no target groups is for everyone; otherwise one group must match."""
    own = {group.slug for group in service.target_groups.all()}
    return not groups or not own or bool(own & set(groups))


def _loket(service, point: geo.Point | None, themes: tuple[str, ...], now) -> Loket | None:
    sessions = service.next_sessions(count=1, now=now)
    if not sessions:
        return None
    places = list(service.places.all())
    nearest, distance = (places[0] if places else None), None
    if point is not None and places:
        distance, nearest = min(
            ((geo.distance_m(point, place.point), place) for place in places),
            key=lambda pair: pair[0],
        )
    return Loket(
        service=service,
        next_session=sessions[0],
        open_now=service.is_open(now),
        distance_m=round(distance) if distance is not None else None,
        place=nearest,
        fits_theme=bool(set(themes) & {theme.slug for theme in service.themes.all()}),
        state=wording.opening_state(service.schedule(), now),
    )


def nearest_loket(
    point: geo.Point | None,
    themes: tuple[str, ...] = (),
    now: datetime.datetime | None = None,
    groups: tuple[str, ...] = (),
) -> Loket | None:
    """The walk-in loket to go to, among those for the chosen target groups: one that fits
    the theme if there is one; the nearest when we know where someone lives, otherwise the
    one that opens first."""
    from cms.models.pages import walk_in_services

    now = now or timezone.now()
    services = walk_in_services().prefetch_related("themes", "target_groups")
    candidates = [
        c for c in (_loket(s, point, themes, now) for s in services if fits_groups(s, groups)) if c
    ]
    pool = [c for c in candidates if c.fits_theme] or candidates
    if not pool:
        return None

    def order(loket: Loket):
        distance = loket.distance_m if loket.distance_m is not None else math.inf
        return (distance, loket.next_session.start) if point else (loket.next_session.start,)

    return min(pool, key=order)


def wijk_at(point: geo.Point | None):
    """The wijk whose boundary contains the point (postcode centre), or None."""
    from cms.models import WijkPage
    from cms.models.wijken import wijk_at as lookup
    from cms.translations import source_pages

    return lookup(point, source_pages(WijkPage.objects.live().public()))


def build_advice(
    choices: Choices, now: datetime.datetime | None = None, site_settings=None
) -> Advice:
    """``site_settings``: cms.SiteSettings of the request (for 'vandaag nog')."""
    now = now or timezone.now()
    params = search_params(choices)
    result = query.run(params, record=False)
    broadened = False
    if result.count == 0 and params.target_groups:
        # Nothing for this group: show what there is for the theme, and say so.
        params = search_params(choices, with_groups=False)
        result = query.run(params, record=False)
        broadened = True
    point = choices.location.point if choices.location else None
    # Chosen among the Dutch sources; shown in the resident's language when translated.
    wijk = localized_page(wijk_at(point))
    loket = nearest_loket(point, choices.themes, now, choices.target_groups)
    if loket is not None:
        loket = dataclasses.replace(loket, service=localized_page(loket.service))
    return Advice(
        services=result.results,
        total=result.count,
        broadened=broadened,
        search_query=_search_query(params, choices.postcode if choices.location else ""),
        loket=loket,
        wijk=wijk,
        sleutelpersonen=list(wijk.sleutelpersonen.all()) if wijk else [],
        urgent=urgent_help(site_settings, now) if choices.urgent and site_settings else None,
    )
