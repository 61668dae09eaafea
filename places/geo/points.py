"""Postcodes, coordinates and distances: a ``Point`` is ``(lat, lon)``, like people and Leaflet
write it. Error messages are Dutch (B1), because editors and residents see them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from geopy.distance import great_circle

from .planar import point_on_boundary, ray_cast

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
    return ray_cast(lon, lat, NL_OUTLINE) or point_on_boundary(lon, lat, NL_OUTLINE)


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
    """Great-circle distance between two points in metres. Within 0.5 % of the distance on
    the WGS84 ellipsoid (0.25 % across Uithoorn), and more than ten times faster: search
    measures it for every match when a resident gives a postcode."""
    return float(great_circle((a.lat, a.lon), (b.lat, b.lon)).meters)


# --------------------------------------------------------------------------- polygon validation
