"""Offline postcode table for Uithoorn and De Kwakel.

The table lives in ``places/data/postcodes.csv`` (columns ``postcode,lat,lon,town``) and has a
row for every 4-digit area (PC4) plus a selection of full postcodes (PC6). The coordinates
are approximate centroids (demo-grade, good to a few hundred metres), enough to sort
organisations by distance or to pick the neighbourhood of a resident. No network is needed.

PC4 areas (indicative):

* 1420 - postbus numbers (located at the gemeentehuis)
* 1421 - Oude Dorp, Dorpscentrum, Thamerdal
* 1422 - Meerwijk, Zijdelwaard, Europarei (gemeentehuis: 1422 AA)
* 1423 - Legmeer, Legmeer-West
* 1424 - De Kwakel
* 1427 - Thamerdal-zuid, bedrijventerrein
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from places.geo import GeoError, Point, normalise_postcode_query, validate_coordinates

DATA_FILE = Path(__file__).resolve().parent / "data" / "postcodes.csv"

PRECISION_PC6 = "pc6"
PRECISION_PC4 = "pc4"


@dataclass(frozen=True)
class PostcodeLocation:
    """Where a postcode lies.

    ``postcode`` is the normalised postcode that was asked for ("1422 AA" or "1422"). When
    only its 4-digit area is known, ``precision`` is ``"pc4"`` and ``point`` is the centre of
    that area; otherwise ``precision`` is ``"pc6"``.
    """

    postcode: str
    point: Point
    town: str
    precision: str


class UnknownPostcode(GeoError):
    """A valid Dutch postcode that is not in Uithoorn or De Kwakel (or not in our table)."""

    def __init__(self, postcode: str) -> None:
        self.postcode = postcode
        super().__init__(
            _(
                "We kennen postcode %(postcode)s niet. Deze kaart gaat over Uithoorn en De "
                "Kwakel. Controleer of u de postcode goed heeft getypt, of zoek op de naam van "
                "uw wijk."
            )
            % {"postcode": postcode}
        )


@dataclass(frozen=True)
class _Row:
    point: Point
    town: str


@functools.cache
def _table() -> dict[str, _Row]:
    """Read the CSV once, on first use. Broken rows fail loudly: the file is ours."""
    table: dict[str, _Row] = {}
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        for line_number, record in enumerate(csv.DictReader(handle), start=2):
            try:
                postcode = normalise_postcode_query(record["postcode"])
                point = validate_coordinates(float(record["lat"]), float(record["lon"]))
            except (GeoError, KeyError, TypeError, ValueError) as error:
                raise ValueError(f"{DATA_FILE.name}, line {line_number}: {error}") from error
            town = (record.get("town") or "").strip()
            if not town:
                raise ValueError(f"{DATA_FILE.name}, line {line_number}: town is missing")
            if postcode in table:
                raise ValueError(f"{DATA_FILE.name}, line {line_number}: duplicate {postcode}")
            table[postcode] = _Row(point=point, town=town)
    return table


def locate_postcode(value: str) -> PostcodeLocation:
    """Find a postcode in the offline table.

    Accepts "1422AA", "1422 aa", " 1422  AA " and a 4-digit postcode like "1422".
    An exact full postcode wins; otherwise the centre of its 4-digit area is used.
    Raises :class:`~places.geo.GeoError` for an invalid postcode and :class:`UnknownPostcode`
    for a valid postcode outside Uithoorn and De Kwakel.
    """
    postcode = normalise_postcode_query(value)
    table = _table()
    row = table.get(postcode)
    if row is not None:
        precision = PRECISION_PC6 if len(postcode) > 4 else PRECISION_PC4
        return PostcodeLocation(postcode, row.point, row.town, precision)
    row = table.get(postcode[:4])
    if row is not None:
        return PostcodeLocation(postcode, row.point, row.town, PRECISION_PC4)
    raise UnknownPostcode(postcode)


def known_postcodes() -> list[str]:
    """All postcodes in the table, sorted: "1421", "1421 AA", ..., "1427 CA"."""
    return sorted(_table())
