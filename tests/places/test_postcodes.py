"""Tests for the offline postcode table of Uithoorn and De Kwakel (no Django needed)."""

from __future__ import annotations

import csv

import pytest

from places.geo import GeoError, Point, distance_m, normalise_postcode_query
from places.postcodes import (
    DATA_FILE,
    PostcodeLocation,
    UnknownPostcode,
    known_postcodes,
    locate_postcode,
)

UITHOORN_CENTRE = Point(lat=52.2375, lon=4.8270)
PC4_AREAS = {"1420", "1421", "1422", "1423", "1424", "1427"}


def test_gemeentehuis_postcode_is_exact() -> None:
    location = locate_postcode("1422 AA")
    assert location == PostcodeLocation(
        postcode="1422 AA",
        point=Point(lat=52.2346, lon=4.8270),
        town="Uithoorn",
        precision="pc6",
    )


@pytest.mark.parametrize("value", ["1422aa", "1422AA", " 1422  aa ", "1422 Aa"])
def test_lookup_ignores_case_and_spaces(value: str) -> None:
    location = locate_postcode(value)
    assert location.postcode == "1422 AA"
    assert location.precision == "pc6"


def test_unknown_pc6_falls_back_to_its_pc4() -> None:
    location = locate_postcode("1422 ZZ")
    assert location.postcode == "1422 ZZ"
    assert location.precision == "pc4"
    assert location.point == locate_postcode("1422").point
    assert location.town == "Uithoorn"


def test_pc4_alone() -> None:
    location = locate_postcode("1424")
    assert location.postcode == "1424"
    assert location.precision == "pc4"
    assert location.town == "De Kwakel"
    assert distance_m(location.point, Point(lat=52.2330, lon=4.7980)) < 500


def test_de_kwakel_pc6() -> None:
    location = locate_postcode("1424ab")
    assert location.town == "De Kwakel"
    assert location.precision == "pc6"


@pytest.mark.parametrize("value", ["9999 AA", "9999", "1011 AB", "1425", "1426 AA", "1428"])
def test_postcode_outside_uithoorn_is_unknown(value: str) -> None:
    with pytest.raises(UnknownPostcode) as info:
        locate_postcode(value)
    postcode = normalise_postcode_query(value)
    assert info.value.postcode == postcode
    message = str(info.value)
    assert message.startswith(f"We kennen postcode {postcode} niet.")
    assert "Uithoorn en De Kwakel" in message


def test_unknown_postcode_is_a_geo_error() -> None:
    with pytest.raises(GeoError):
        locate_postcode("9999")


@pytest.mark.parametrize("value", ["", "1422-AA", "0123 AB", "1422 SA", "14221AA", "Uithoorn"])
def test_invalid_postcode_is_not_reported_as_unknown(value: str) -> None:
    with pytest.raises(GeoError, match="geldige postcode") as info:
        locate_postcode(value)
    assert not isinstance(info.value, UnknownPostcode)


def test_known_postcodes_cover_all_areas() -> None:
    postcodes = known_postcodes()
    assert postcodes == sorted(postcodes)
    assert set(postcodes) >= PC4_AREAS
    pc6 = [code for code in postcodes if len(code) == 7]
    assert len(pc6) >= 60
    for area in PC4_AREAS - {"1420"}:  # 1420 is for postbus numbers only
        assert sum(code.startswith(area) for code in pc6) >= 8, area
    assert {code[:4] for code in postcodes} == PC4_AREAS


def test_every_entry_is_normalised_and_near_uithoorn() -> None:
    for postcode in known_postcodes():
        assert normalise_postcode_query(postcode) == postcode
        location = locate_postcode(postcode)
        assert distance_m(location.point, UITHOORN_CENTRE) < 5_000, postcode
        if location.precision == "pc6":
            area = locate_postcode(postcode[:4])
            assert location.town == area.town
            assert distance_m(location.point, area.point) < 1_500, postcode


def test_csv_has_the_documented_columns() -> None:
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["postcode", "lat", "lon", "town"]
        towns = {row["town"] for row in reader}
    assert towns == {"Uithoorn", "De Kwakel"}
