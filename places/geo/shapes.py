"""GeoJSON areas drawn by editors: validation into a clean Polygon/MultiPolygon and RFC 7946
winding (outer ring counter-clockwise, holes clockwise). GeoJSON positions are ``[lon, lat]``."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any

from .planar import (
    MIN_AREA,
    Position,
    Ring,
    all_collinear,
    ring_self_intersects,
    signed_area,
    strictly_outside,
)
from .points import GeoError, in_netherlands

_POSITION_MESSAGE = (
    "Elk punt van het gebied moet twee getallen hebben: eerst de lengtegraad (bijvoorbeeld 4.82), "
    "dan de breedtegraad (bijvoorbeeld 52.23)."
)


def _load_geojson(geojson: dict | str) -> dict:
    if isinstance(geojson, str):
        try:
            geojson = json.loads(geojson)
        except (ValueError, RecursionError):
            raise GeoError(
                "Dit is geen geldige GeoJSON. Plak de tekst van het gebied precies zoals u die "
                "heeft gekregen, bijvoorbeeld uit geojson.io."
            ) from None
    if not isinstance(geojson, dict):
        raise GeoError(
            "Dit is geen GeoJSON-object. Het gebied moet een Polygon of MultiPolygon zijn."
        )
    return geojson


def _unwrap_geometry(geojson: dict) -> dict:
    """Return the geometry of a Feature, a FeatureCollection with one feature, or a geometry."""
    kind = geojson.get("type")
    if kind == "FeatureCollection":
        features = geojson.get("features")
        if not isinstance(features, list) or len(features) != 1:
            raise GeoError(
                "Deze FeatureCollection moet precies één gebied bevatten. "
                "Teken één gebied, of voeg de delen samen tot één MultiPolygon."
            )
        geojson = features[0]
        if not isinstance(geojson, dict):
            raise GeoError("Dit is geen geldige GeoJSON. Het gebied ontbreekt.")
        kind = geojson.get("type")
    if kind == "Feature":
        geometry = geojson.get("geometry")
        if not isinstance(geometry, dict):
            raise GeoError("Dit Feature heeft geen geometrie. Teken eerst een gebied.")
        return geometry
    return geojson


def _parse_position(raw: Any) -> Position:
    if not isinstance(raw, list | tuple) or len(raw) not in (2, 3):
        raise GeoError(_POSITION_MESSAGE)
    lon = _to_float_strict(raw[0])
    lat = _to_float_strict(raw[1])
    if not in_netherlands(lat, lon):
        raise GeoError(
            "Een deel van het gebied ligt niet in Nederland. Controleer of de punten als "
            "[lengtegraad, breedtegraad] zijn geschreven, dus bijvoorbeeld [4.82, 52.23]."
        )
    return (lon, lat)


def _to_float_strict(value: Any) -> float:
    """Only real JSON numbers are accepted in GeoJSON (no strings)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise GeoError(_POSITION_MESSAGE)
    number = float(value)
    if not math.isfinite(number):
        raise GeoError(_POSITION_MESSAGE)
    return number


def _parse_ring(raw: Any) -> Ring:
    if not isinstance(raw, list | tuple):
        raise GeoError(
            "De rand van het gebied is geen lijst met punten. Het gebied moet een Polygon zijn."
        )
    if len(raw) < 4:
        raise GeoError(
            "Een gebied heeft minstens 3 hoekpunten nodig. Het eerste punt moet aan het eind "
            "nog een keer staan, dus de rand heeft minstens 4 punten."
        )
    ring = [_parse_position(position) for position in raw]
    if ring[0] != ring[-1]:
        raise GeoError(
            "De rand van het gebied is niet gesloten. Het laatste punt moet precies hetzelfde "
            "zijn als het eerste punt."
        )
    # Drop repeated consecutive points; they are harmless but confuse the checks below.
    deduplicated = [ring[0]]
    for position in ring[1:]:
        if position != deduplicated[-1]:
            deduplicated.append(position)
    if len(deduplicated) < 4:
        raise GeoError(
            "Een gebied heeft minstens 3 verschillende hoekpunten nodig. "
            "Dit gebied heeft er minder."
        )
    no_area = GeoError(
        "Dit gebied heeft geen oppervlakte: alle punten liggen op één lijn. "
        "Teken het gebied opnieuw."
    )
    if all_collinear(deduplicated):
        raise no_area
    if ring_self_intersects(deduplicated):
        raise GeoError(
            "De rand van het gebied kruist zichzelf (bijvoorbeeld een vlinder- of 8-vorm). "
            "Teken het gebied opnieuw, zonder dat lijnen elkaar kruisen."
        )
    if abs(signed_area(deduplicated)) < MIN_AREA:
        raise no_area
    return deduplicated


def _parse_polygon(raw: Any) -> list[Ring]:
    if not isinstance(raw, list | tuple) or not raw:
        raise GeoError("Het gebied heeft geen coördinaten. Teken eerst een gebied.")
    rings = [_parse_ring(ring) for ring in raw]
    outer, holes = rings[0], rings[1:]
    for hole in holes:
        if any(strictly_outside(position, outer) for position in hole):
            raise GeoError(
                "Een gat in het gebied ligt (deels) buiten de buitenrand. "
                "Een gat moet helemaal binnen het gebied liggen."
            )
    return rings


def validate_polygon(geojson: dict | str) -> dict:
    """Check a GeoJSON area and return a clean ``Polygon`` or ``MultiPolygon`` geometry.

    Accepts a geometry, a Feature wrapping one, a FeatureCollection with exactly one such
    Feature, or the same as a JSON string. Raises :class:`GeoError` with a Dutch message.
    Repeated consecutive points are removed and a third value (altitude) is dropped.
    """
    geometry = _unwrap_geometry(_load_geojson(geojson))
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        rings = _parse_polygon(coordinates)
        return {"type": "Polygon", "coordinates": _rings_to_json(_wound(rings))}
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list | tuple) or not coordinates:
            raise GeoError("Het gebied heeft geen coördinaten. Teken eerst een gebied.")
        polygons = [_parse_polygon(polygon) for polygon in coordinates]
        return {
            "type": "MultiPolygon",
            "coordinates": [_rings_to_json(_wound(rings)) for rings in polygons],
        }
    raise GeoError(
        "Dit type gebied kunnen we niet gebruiken. Het gebied moet een vlak zijn "
        "(GeoJSON Polygon of MultiPolygon), geen punt of lijn."
    )


def _rings_to_json(rings: list[Ring]) -> list[list[list[float]]]:
    return [[[lon, lat] for lon, lat in ring] for ring in rings]


def _wound(rings: list[Ring]) -> list[Ring]:
    """RFC 7946 section 3.1.6 (right-hand rule): the outer ring counter-clockwise, holes
    clockwise. A ring in the wrong direction is reversed; its first point stays first."""
    return [[tuple(p) for p in ring] for ring in _wind_json(rings)]


def rewind(geometry: Any) -> Any:
    """The same Polygon or MultiPolygon with its rings in RFC 7946 order, for every output.

    Anything that is not a well-formed polygon geometry is returned unchanged (validation
    is ``validate_polygon``'s job); other members, such as ``bbox``, are kept."""
    if not isinstance(geometry, dict):
        return geometry
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    try:
        if kind == "Polygon":
            wound = _wind_json(coordinates)
        elif kind == "MultiPolygon":
            wound = [_wind_json(polygon) for polygon in coordinates]
        else:
            return geometry
    except (TypeError, ValueError, IndexError):
        return geometry
    return {**geometry, "coordinates": wound}


def _wind_json(polygon: Any) -> list:
    """Wind JSON rings, keeping each position as given (an altitude too)."""
    output = []
    for index, ring in enumerate(polygon):
        if len(ring) < 4:
            raise ValueError("A ring has at least four positions.")
        counter_clockwise = signed_area([(float(p[0]), float(p[1])) for p in ring]) > 0
        if counter_clockwise != (index == 0):
            ring = [ring[0], *reversed(ring[1:-1]), ring[-1]]
        output.append([list(position) for position in ring])
    return output


def rewind_rfc7946(geometry: dict) -> dict:
    """The same Polygon/MultiPolygon with RFC 7946 winding: exterior rings counter-clockwise,
    holes clockwise (as seen with longitude on x and latitude on y)."""

    def ring(points, exterior: bool):
        counter_clockwise = signed_area(points) > 0
        return list(points) if counter_clockwise == exterior else list(reversed(points))

    def polygon(rings):
        return [ring(points, index == 0) for index, points in enumerate(rings)]

    if geometry.get("type") == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry["coordinates"])}
    if geometry.get("type") == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [polygon(rings) for rings in geometry["coordinates"]],
        }
    return geometry
