"""Geography helpers for the social map: postcodes, coordinates and GeoJSON areas.

Pure Python (no Django), so it can be used from models, forms, views and scripts alike.
Coordinates follow two conventions that are easy to mix up:

* ``Point`` is ``(lat, lon)``, like most people and Leaflet write it.
* GeoJSON positions are ``[lon, lat]`` (RFC 7946).

One job per module: ``points`` (postcodes, coordinates, distance), ``planar`` (plane
geometry on positions), ``shapes`` (validating and winding GeoJSON areas) and ``areas``
(containment, centroid, bounds). Callers use ``from places import geo``.
"""

from .areas import bounds, centroid, find_containing, point_in_polygon
from .points import (
    COORDINATES_MESSAGE,
    NOT_A_NUMBER_MESSAGE,
    POSTCODE_MESSAGE,
    POSTCODE_RE,
    GeoError,
    Point,
    distance_m,
    distances_m,
    in_netherlands,
    normalise_postcode,
    normalise_postcode_query,
    validate_coordinates,
)
from .shapes import rewind, rewind_rfc7946, validate_polygon

__all__ = [
    "COORDINATES_MESSAGE",
    "NOT_A_NUMBER_MESSAGE",
    "POSTCODE_MESSAGE",
    "POSTCODE_RE",
    "GeoError",
    "Point",
    "bounds",
    "centroid",
    "distance_m",
    "distances_m",
    "find_containing",
    "in_netherlands",
    "normalise_postcode",
    "normalise_postcode_query",
    "point_in_polygon",
    "rewind",
    "rewind_rfc7946",
    "validate_coordinates",
    "validate_polygon",
]
