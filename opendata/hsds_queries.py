"""The query parameters of the HSDS read API: checked, with a clear Dutch message when wrong,
and applied to the public services. ``search`` uses our own Dutch search
(``search.query.run``), so harvesters find what residents find."""

from __future__ import annotations

import datetime
import math
import uuid
from dataclasses import dataclass

from django.db.models import Q
from django.utils.dateparse import parse_date, parse_datetime

from agenda import schedules
from cms.models import OrganisationPage, ServicePage, TargetGroup, Theme, WijkPage
from cms.translations import source_pages
from places import geo, postcodes
from search import query as search_query
from search.params import clean_query
from search.record import RECORD_RELATIONS
from search.types import SearchParams

from . import ids

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PROXIMITY_M = 100_000
MAX_SEARCH_RESULTS = 1000


class ParamError(ValueError):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int


def paging(data) -> Paging:
    page = _positive_int(
        data, "page", 1, "Het paginanummer (page) moet een heel getal zijn, 1 of hoger."
    )
    per_page = _positive_int(
        data,
        "per_page",
        DEFAULT_PER_PAGE,
        "Het aantal per pagina (per_page) moet een heel getal van 1 tot en met "
        f"{MAX_PER_PAGE} zijn.",
    )
    if per_page > MAX_PER_PAGE:
        raise ParamError(
            "per_page",
            f"Het aantal per pagina (per_page) mag hoogstens {MAX_PER_PAGE} zijn.",
        )
    return Paging(page, per_page)


def _positive_int(data, name: str, default: int, message: str) -> int:
    raw = data.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1 or len(raw) > 9:
        raise ParamError(name, message)
    return int(raw)


def page_of(items: list, paging: Paging) -> dict:
    """HSDS paging: the Page object around ``contents``."""
    total = len(items)
    total_pages = math.ceil(total / paging.per_page) if total else 0
    start = (paging.page - 1) * paging.per_page
    contents = items[start : start + paging.per_page]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def parse_uuid(data, name: str) -> str | None:
    raw = data.get(name, "").strip()
    if not raw:
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise ParamError(
            name,
            f"'{name}' moet een id (UUID) uit deze API zijn, bijvoorbeeld {ids.THEMES_TAXONOMY}.",
        ) from None


def parse_modified_after(data) -> datetime.datetime | None:
    raw = data.get("modified_after", "").strip()
    if not raw:
        return None
    message = (
        "'modified_after' moet een datum of tijdstip zijn, bijvoorbeeld 2026-01-31 of "
        "2026-01-31T09:00:00+01:00. Zonder tijdzone rekenen we in Nederlandse tijd."
    )
    try:
        moment = parse_datetime(raw.replace(" ", "+", 1) if raw.count(" ") == 1 else raw)
        day = None if moment else parse_date(raw)
    except ValueError:
        raise ParamError("modified_after", message) from None
    if moment is None and day is None:
        raise ParamError("modified_after", message)
    if moment is None:
        moment = datetime.datetime.combine(day, datetime.time())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=schedules.TIMEZONE)
    return moment


def public_services():
    """Every public service once: the Dutch source (HSDS ids are translation keys)."""
    return (
        source_pages(ServicePage.objects.live())
        .public()
        .select_related("organisation", "organisation__logo")
        .prefetch_related(*RECORD_RELATIONS, "organisation__places")
        .order_by("title")
    )


def public_organisations():
    return (
        source_pages(OrganisationPage.objects.live())
        .public()
        .select_related("logo")
        .prefetch_related("places")
        .order_by("title")
    )


def services_for(data) -> list:
    """The public services that match every given parameter, in a stable order (search
    relevance when ``search`` is given, otherwise by name)."""
    services = public_services()
    term_id = parse_uuid(data, "taxonomy_term_id")
    if term_id:
        services = services.filter(_term_filter(term_id))
    taxonomy_id = parse_uuid(data, "taxonomy_id")
    if taxonomy_id == ids.THEMES_TAXONOMY:
        services = services.filter(themes__isnull=False)
    elif taxonomy_id == ids.TARGET_GROUPS_TAXONOMY:
        services = services.filter(target_groups__isnull=False)
    elif taxonomy_id:
        services = services.none()
    organisation_id = parse_uuid(data, "organization_id")
    if organisation_id:
        services = services.filter(organisation__translation_key=organisation_id)
    modified_after = parse_modified_after(data)
    if modified_after:
        services = services.filter(last_published_at__gte=modified_after)
    found = list(services.distinct())
    text = clean_query(data.get("search", ""))
    if text:
        found = _ranked(found, text)
    return _near(found, data)


def _term_filter(term_id: str) -> Q:
    themes = [t.pk for t in Theme.objects.all() if ids.theme_id(t) == term_id]
    groups = [g.pk for g in TargetGroup.objects.all() if ids.target_group_id(g) == term_id]
    return Q(themes__in=themes) | Q(target_groups__in=groups)


def _ranked(services: list, text: str) -> list:
    if len(text) > 200:
        raise ParamError("search", "De zoekvraag (search) mag hoogstens 200 tekens lang zijn.")
    result = search_query.run(
        SearchParams(q=text, page=1, page_size=MAX_SEARCH_RESULTS), record=False
    )
    order = {item.slug: rank for rank, item in enumerate(result.results)}
    return sorted((s for s in services if s.slug in order), key=lambda s: order[s.slug])


def _near(services: list, data) -> list:
    """``postcode``: services whose service area covers it; with ``proximity`` (metres), only
    services with a location that close to the postcode."""
    raw_postcode = data.get("postcode", "").strip()
    raw_proximity = data.get("proximity", "").strip()
    if raw_proximity and not raw_postcode:
        raise ParamError("proximity", "Geef bij 'proximity' ook een postcode op (postcode).")
    if not raw_postcode:
        return services
    try:
        point = postcodes.locate_postcode(raw_postcode).point
    except geo.GeoError as error:
        raise ParamError("postcode", str(error)) from None
    proximity = None
    if raw_proximity:
        try:
            proximity = float(raw_proximity)
        except ValueError:
            proximity = -1.0
        if not math.isfinite(proximity) or not 0 < proximity <= MAX_PROXIMITY_M:
            raise ParamError(
                "proximity",
                "'proximity' is een afstand in meters, groter dan 0 en hoogstens "
                f"{MAX_PROXIMITY_M}.",
            )
    wijk = _wijk_of(point)
    kept = []
    for service in services:
        wijken = [w.pk for w in service.wijken.all()]
        covers = (
            service.whole_municipality or not wijken or (wijk is not None and wijk.pk in wijken)
        )
        if not covers:
            continue
        if proximity is not None:
            distances = [geo.distance_m(point, place.point) for place in service.places.all()]
            if not distances or min(distances) > proximity:
                continue
        kept.append(service)
    return kept


def _wijk_of(point: geo.Point):
    wijken = source_pages(WijkPage.objects.live())
    areas = ((wijk, wijk.boundary) for wijk in wijken if wijk.boundary)
    return geo.find_containing(point, areas)
