"""Geography helpers for the social map: postcodes, coordinates and GeoJSON areas.

Pure Python (no Django), so it can be used from models, forms, views and scripts alike.
Coordinates follow two conventions that are easy to mix up:

* ``Point`` is ``(lat, lon)``, like most people and Leaflet write it.
* GeoJSON positions are ``[lon, lat]`` (RFC 7946).

Error messages are Dutch (B1 level), because editors and residents see them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from geopy.distance import geodesic

K = TypeVar("K")

Position = tuple[float, float]  # (lon, lat), GeoJSON order
Ring = list[Position]

# Generous bounding box around the European part of the Netherlands.
NL_SOUTH = 50.70
NL_NORTH = 53.60
NL_WEST = 3.30
NL_EAST = 7.25

# Within that box, a coarse outline that follows the land border with a margin of a few
# kilometres: Brussels, Antwerp and the Ruhr fall outside, every Dutch place falls inside
# (a few places just across the border, such as Aachen, count as "in" too).
# Positions are (lon, lat); the sea sides simply follow the box.
NL_OUTLINE: tuple[tuple[float, float], ...] = (
    (NL_WEST, 51.10),
    (4.10, 51.10),  # south of Zeeuws-Vlaanderen
    (4.35, 51.33),  # between Antwerp and Ossendrecht
    (4.55, 51.40),
    (4.90, 51.38),  # Baarle
    (5.20, 51.30),
    (5.60, 51.15),  # Budel / Weert
    (5.60, NL_SOUTH),  # west of Maastricht
    (6.15, NL_SOUTH),  # Vaals
    (6.20, 51.00),  # Sittard / Selfkant
    (6.30, 51.20),  # Roermond
    (6.30, 51.45),  # Venlo
    (6.20, 51.75),  # Gennep / Kleve
    (6.55, 51.80),  # Dinxperlo
    (6.90, 51.95),  # Winterswijk
    (7.10, 52.20),  # Enschede
    (NL_EAST, 52.45),  # Denekamp
    (NL_EAST, NL_NORTH),
    (NL_WEST, NL_NORTH),
    (NL_WEST, 51.10),
)

# Dutch postcode: 4 digits (first not 0), optional spaces, 2 letters except SA, SD and SS.
# Matching is case-insensitive; ASCII-only so that e.g. "ſ" (long s) never counts as "S".
POSTCODE_RE = re.compile(r"^([1-9][0-9]{3}) *(?!SA|SD|SS)([A-Z]{2})\Z", re.IGNORECASE | re.ASCII)
PC4_RE = re.compile(r"^[1-9][0-9]{3}\Z", re.ASCII)

# The Dutch source texts; raised in the active language (_()).
POSTCODE_MESSAGE = gettext_noop("Vul een geldige postcode in, bijvoorbeeld 1422 AA.")
COORDINATES_MESSAGE = gettext_noop(
    "Deze coördinaten liggen niet in Nederland. Controleer de breedtegraad (bijvoorbeeld 52.23) "
    "en de lengtegraad (bijvoorbeeld 4.82). Misschien zijn ze omgewisseld."
)
NOT_A_NUMBER_MESSAGE = (
    "De coördinaten moeten getallen zijn, bijvoorbeeld breedtegraad 52.23 en lengtegraad 4.82."
)

# Areas smaller than this (in square degrees, about 0.01 m²) count as "no area".
_MIN_AREA = 1e-12
_EPS = 1e-15


class GeoError(ValueError):
    """Invalid geographic input. The message is Dutch (B1) and can be shown to people."""


@dataclass(frozen=True)
class Point:
    """A WGS84 location. Note the order: latitude first, then longitude."""

    lat: float
    lon: float


# --------------------------------------------------------------------------- postcodes


def normalise_postcode(value: str) -> str:
    """Return a full Dutch postcode as ``"1422 AA"`` or raise :class:`GeoError`."""
    if not isinstance(value, str):
        raise GeoError(_(POSTCODE_MESSAGE))
    match = POSTCODE_RE.match(value.strip())
    if match is None:
        raise GeoError(_(POSTCODE_MESSAGE))
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}"


def normalise_postcode_query(value: str) -> str:
    """Like :func:`normalise_postcode`, but a 4-digit postcode alone is fine too.

    Returns ``"1422"`` or ``"1422 AA"``.
    """
    if isinstance(value, str) and PC4_RE.match(value.strip()):
        return value.strip()
    return normalise_postcode(value)


# --------------------------------------------------------------------------- coordinates


def in_netherlands(lat: float, lon: float) -> bool:
    """True when the location lies in (or just around) the European Netherlands.

    A quick check against a generous box, then against a coarse outline of the land border.
    Meant to catch typing errors and swapped coordinates, not to draw the exact border.
    """
    if not (NL_SOUTH <= lat <= NL_NORTH and NL_WEST <= lon <= NL_EAST):
        return False
    return _ray_cast(lon, lat, NL_OUTLINE) or _point_on_boundary(lon, lat, NL_OUTLINE)


def _to_float(value: Any, message: str) -> float:
    """Convert a number (or a numeric string, also with a decimal comma) to a finite float."""
    if isinstance(value, bool):
        raise GeoError(message)
    if isinstance(value, int | float | Decimal):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            raise GeoError(message) from None
    else:
        raise GeoError(message)
    if not math.isfinite(number):
        raise GeoError(message)
    return number


def validate_coordinates(lat: Any, lon: Any) -> Point:
    """Return a :class:`Point` for coordinates in the Netherlands, or raise :class:`GeoError`."""
    lat_f = _to_float(lat, NOT_A_NUMBER_MESSAGE)
    lon_f = _to_float(lon, NOT_A_NUMBER_MESSAGE)
    if not in_netherlands(lat_f, lon_f):
        raise GeoError(_(COORDINATES_MESSAGE))
    return Point(lat=lat_f, lon=lon_f)


def distance_m(a: Point, b: Point) -> float:
    """Geodesic distance between two points in metres (WGS84 ellipsoid)."""
    return float(geodesic((a.lat, a.lon), (b.lat, b.lon)).meters)


# --------------------------------------------------------------------------- polygon validation

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
    if _all_collinear(deduplicated):
        raise no_area
    if _ring_self_intersects(deduplicated):
        raise GeoError(
            "De rand van het gebied kruist zichzelf (bijvoorbeeld een vlinder- of 8-vorm). "
            "Teken het gebied opnieuw, zonder dat lijnen elkaar kruisen."
        )
    if abs(_signed_area(deduplicated)) < _MIN_AREA:
        raise no_area
    return deduplicated


def _parse_polygon(raw: Any) -> list[Ring]:
    if not isinstance(raw, list | tuple) or not raw:
        raise GeoError("Het gebied heeft geen coördinaten. Teken eerst een gebied.")
    rings = [_parse_ring(ring) for ring in raw]
    outer, holes = rings[0], rings[1:]
    for hole in holes:
        if any(_strictly_outside(position, outer) for position in hole):
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
        counter_clockwise = _signed_area([(float(p[0]), float(p[1])) for p in ring]) > 0
        if counter_clockwise != (index == 0):
            ring = [ring[0], *reversed(ring[1:-1]), ring[-1]]
        output.append([list(position) for position in ring])
    return output


# --------------------------------------------------------------------------- planar geometry


def _signed_area(ring: Sequence[Position]) -> float:
    """Shoelace area in square degrees; positive for counter-clockwise rings."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def _all_collinear(ring: Sequence[Position]) -> bool:
    first, second = ring[0], ring[1]
    return all(_orientation(first, second, position) == 0 for position in ring[2:])


def _orientation(p: Position, q: Position, r: Position) -> int:
    value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    if abs(value) <= _EPS:
        return 0
    return 1 if value > 0 else -1


def _on_segment(p: Position, q: Position, r: Position) -> bool:
    """True when r (known to be collinear with p-q) lies within the box of segment p-q."""
    return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])


def _segments_intersect(p1: Position, p2: Position, q1: Position, q2: Position) -> bool:
    """Classic orientation test; touching and collinear overlap count as intersecting."""
    o1 = _orientation(p1, p2, q1)
    o2 = _orientation(p1, p2, q2)
    o3 = _orientation(q1, q2, p1)
    o4 = _orientation(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (
        (o1 == 0 and _on_segment(p1, p2, q1))
        or (o2 == 0 and _on_segment(p1, p2, q2))
        or (o3 == 0 and _on_segment(q1, q2, p1))
        or (o4 == 0 and _on_segment(q1, q2, p2))
    )


def _ring_self_intersects(ring: Ring) -> bool:
    """True when two edges of a closed ring (without repeated points) cross or touch.

    Neighbouring edges share one corner; they only count when they fold back over each
    other (a spike). A sweep over the x-axis keeps this fast for rings with many points.
    """
    n = len(ring) - 1  # number of edges
    edges = [(ring[i], ring[i + 1]) for i in range(n)]

    for i in range(n):
        p, q = edges[i]
        r = edges[(i + 1) % n][1]
        if _orientation(p, q, r) == 0:
            # Collinear corner: fine when going straight on, a spike when turning back.
            dot = (q[0] - p[0]) * (r[0] - q[0]) + (q[1] - p[1]) * (r[1] - q[1])
            if dot < 0:
                return True

    order = sorted(range(n), key=lambda k: min(edges[k][0][0], edges[k][1][0]))
    for index, i in enumerate(order):
        a1, a2 = edges[i]
        max_x = max(a1[0], a2[0])
        min_y, max_y = min(a1[1], a2[1]), max(a1[1], a2[1])
        for j in order[index + 1 :]:
            b1, b2 = edges[j]
            if min(b1[0], b2[0]) > max_x:
                break
            if abs(i - j) == 1 or abs(i - j) == n - 1:
                continue  # neighbours, handled above
            if max(b1[1], b2[1]) < min_y or min(b1[1], b2[1]) > max_y:
                continue
            if _segments_intersect(a1, a2, b1, b2):
                return True
    return False


def _point_on_boundary(x: float, y: float, ring: Sequence[Position]) -> bool:
    for p, q in zip(ring, ring[1:], strict=False):
        if _orientation(p, q, (x, y)) == 0 and _on_segment(p, q, (x, y)):
            return True
    return False


def _ray_cast(x: float, y: float, ring: Sequence[Position]) -> bool:
    """Even-odd rule: count how many edges a ray to the east crosses."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > y) != (y2 > y):
            x_cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < x_cross:
                inside = not inside
    return inside


def _strictly_outside(position: Position, ring: Ring) -> bool:
    x, y = position
    return not _point_on_boundary(x, y, ring) and not _ray_cast(x, y, ring)


# --------------------------------------------------------------------------- queries


def _polygons_of(geometry: dict) -> list[list[list[Sequence[float]]]]:
    """Return the polygons (lists of rings) of a Polygon/MultiPolygon geometry or Feature."""
    if geometry.get("type") == "Feature":
        geometry = geometry.get("geometry") or {}
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates") or []
    if kind == "Polygon":
        return [coordinates]
    if kind == "MultiPolygon":
        return list(coordinates)
    raise GeoError(
        "Dit type gebied kunnen we niet gebruiken. Het gebied moet een vlak zijn "
        "(GeoJSON Polygon of MultiPolygon), geen punt of lijn."
    )


def _as_ring(raw: Sequence[Sequence[float]]) -> Ring:
    return [(float(position[0]), float(position[1])) for position in raw]


def point_in_polygon(point: Point, geometry: dict) -> bool:
    """True when the point lies inside the area (in an outer ring and not in a hole)."""
    x, y = point.lon, point.lat
    for polygon in _polygons_of(geometry):
        if not polygon:
            continue
        if not _ray_cast(x, y, _as_ring(polygon[0])):
            continue
        if not any(_ray_cast(x, y, _as_ring(hole)) for hole in polygon[1:]):
            return True
    return False


def find_containing(point: Point, areas: Iterable[tuple[K, dict | None]]) -> K | None:
    """Return the key of the first area that contains the point; areas without a shape skip."""
    for key, geometry in areas:
        if geometry and point_in_polygon(point, geometry):
            return key
    return None


def centroid(geometry: dict) -> Point:
    """Area-weighted centroid of the outer ring(s); holes are ignored.

    Computed in the lon/lat plane, which is accurate enough for areas of a few kilometres.
    """
    weighted_x = weighted_y = total_area = 0.0
    vertices: list[Position] = []
    for polygon in _polygons_of(geometry):
        if not polygon:
            continue
        ring = _as_ring(polygon[0])
        vertices.extend(ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring)
        # Shift to the first vertex for numerical stability.
        x0, y0 = ring[0]
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            x1, y1, x2, y2 = x1 - x0, y1 - y0, x2 - x0, y2 - y0
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        area /= 2.0
        if abs(area) < _MIN_AREA:
            continue
        # Centroid of this ring, weighted by its (unsigned) area.
        ring_x = x0 + cx / (6.0 * area)
        ring_y = y0 + cy / (6.0 * area)
        weighted_x += ring_x * abs(area)
        weighted_y += ring_y * abs(area)
        total_area += abs(area)
    if total_area > 0:
        return Point(lat=weighted_y / total_area, lon=weighted_x / total_area)
    if not vertices:
        raise GeoError("Het gebied heeft geen coördinaten. Teken eerst een gebied.")
    # Degenerate shape: fall back to the average of the corners.
    return Point(
        lat=sum(y for _, y in vertices) / len(vertices),
        lon=sum(x for x, _ in vertices) / len(vertices),
    )


def bounds(geometry: dict) -> tuple[float, float, float, float]:
    """Bounding box as ``(south, west, north, east)``, handy for Leaflet's ``fitBounds``."""
    lons: list[float] = []
    lats: list[float] = []
    for polygon in _polygons_of(geometry):
        for ring in polygon[:1]:  # holes lie inside the outer ring
            for position in ring:
                lons.append(float(position[0]))
                lats.append(float(position[1]))
    if not lons:
        raise GeoError("Het gebied heeft geen coördinaten. Teken eerst een gebied.")
    return (min(lats), min(lons), max(lats), max(lons))


def rewind_rfc7946(geometry: dict) -> dict:
    """The same Polygon/MultiPolygon with RFC 7946 winding: exterior rings counter-clockwise,
    holes clockwise (as seen with longitude on x and latitude on y)."""

    def ring(points, exterior: bool):
        counter_clockwise = _signed_area(points) > 0
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
