"""Questions about areas: which area holds a point, an area's centroid and bounding box."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from .planar import MIN_AREA, Position, Ring, ray_cast
from .points import GeoError, Point

K = TypeVar("K")


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
        if not ray_cast(x, y, _as_ring(polygon[0])):
            continue
        if not any(ray_cast(x, y, _as_ring(hole)) for hole in polygon[1:]):
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
        if abs(area) < MIN_AREA:
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
