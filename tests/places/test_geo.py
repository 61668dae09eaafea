"""Tests for places.geo: postcodes, coordinates and GeoJSON areas (no Django needed)."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest

from places.geo import (
    POSTCODE_RE,
    GeoError,
    Point,
    bounds,
    centroid,
    distance_m,
    distances_m,
    find_containing,
    in_netherlands,
    normalise_postcode,
    normalise_postcode_query,
    point_in_polygon,
    validate_coordinates,
    validate_polygon,
)

UITHOORN = Point(lat=52.2375, lon=4.8270)
DE_KWAKEL = Point(lat=52.2330, lon=4.7980)
AMSTERDAM_CENTRAAL = Point(lat=52.3791, lon=4.9003)
BRUSSELS = Point(lat=50.8467, lon=4.3525)
PARIS = Point(lat=48.8566, lon=2.3522)

POSTCODE_MESSAGE = "Vul een geldige postcode in, bijvoorbeeld 1422 AA."


def square(west: float, south: float, east: float, north: float) -> list[list[float]]:
    """A closed counter-clockwise ring as GeoJSON positions [lon, lat]."""
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


# Uithoorn-sized area with a hole in the middle.
OUTER = square(4.80, 52.22, 4.84, 52.25)
HOLE = square(4.815, 52.23, 4.825, 52.24)[::-1]  # holes run clockwise (RFC 7946)
POLYGON_WITH_HOLE = {"type": "Polygon", "coordinates": [OUTER, HOLE]}


# --------------------------------------------------------------------------- postcodes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1422AA", "1422 AA"),
        ("1422aa", "1422 AA"),
        ("1422 AA", "1422 AA"),
        (" 1422  AA ", "1422 AA"),
        ("1424 pb", "1424 PB"),
        ("9999 ZZ", "9999 ZZ"),
        ("1000 AB", "1000 AB"),
        ("1422 SB", "1422 SB"),
    ],
)
def test_normalise_postcode_valid(value: str, expected: str) -> None:
    assert normalise_postcode(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "1422",
        "1422-AA",  # a dash is not a Dutch way of writing a postcode
        "0123 AB",  # first digit may not be 0
        "1422 SA",
        "1422 sd",
        "1422 SS",
        "14221AA",
        "142 AA",
        "1422 A",
        "1422 AAA",
        "AA 1422",
        "1422 A1",
        "1422\tAA",
        "1422 ÄA",
        "1422 ſA",  # long s: must not count as "S" (or "A") thanks to ASCII matching
        "١٤٢٢ AA",  # Arabic-Indic digits
        "1422 AA\n1234 BB",
        None,
        1422,
    ],
)
def test_normalise_postcode_invalid(value: object) -> None:
    with pytest.raises(GeoError) as info:
        normalise_postcode(value)  # type: ignore[arg-type]
    assert str(info.value) == POSTCODE_MESSAGE


def test_geo_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        normalise_postcode("nope")


def test_postcode_regex_is_case_insensitive_and_excludes_sa_sd_ss() -> None:
    assert POSTCODE_RE.match("1422aa")
    assert POSTCODE_RE.match("1422 AA")
    assert not POSTCODE_RE.match("1422 sa")
    assert not POSTCODE_RE.match("1422 AA\n")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1422", "1422"),
        (" 1424 ", "1424"),
        ("1422aa", "1422 AA"),
        ("1422 AA", "1422 AA"),
    ],
)
def test_normalise_postcode_query_valid(value: str, expected: str) -> None:
    assert normalise_postcode_query(value) == expected


@pytest.mark.parametrize("value", ["", "0422", "142", "14221", "1422 SA", "1422-AA", "Uithoorn"])
def test_normalise_postcode_query_invalid(value: str) -> None:
    with pytest.raises(GeoError, match="geldige postcode"):
        normalise_postcode_query(value)


# --------------------------------------------------------------------------- coordinates


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (UITHOORN, True),
        (DE_KWAKEL, True),
        (AMSTERDAM_CENTRAAL, True),
        (Point(53.45, 6.83), True),  # Eemshaven, far north-east
        (Point(50.85, 5.69), True),  # Maastricht, far south
        (Point(53.18, 7.21), True),  # Nieuweschans, on the German border
        (Point(51.31, 3.38), True),  # Sluis, Zeeuws-Vlaanderen
        (Point(51.28, 4.05), True),  # Hulst
        (Point(51.44, 4.93), True),  # Baarle-Nassau
        (Point(51.27, 5.57), True),  # Budel
        (Point(50.77, 6.02), True),  # Vaals
        (Point(51.37, 6.17), True),  # Venlo
        (Point(51.97, 6.72), True),  # Winterswijk
        (Point(52.22, 6.89), True),  # Enschede
        (Point(53.05, 4.80), True),  # Texel
        (BRUSSELS, False),
        (Point(51.22, 4.40), False),  # Antwerp
        (Point(51.05, 3.72), False),  # Ghent
        (Point(51.23, 6.78), False),  # Düsseldorf
        (Point(51.46, 7.01), False),  # Essen
        (PARIS, False),
        (Point(52.52, 13.40), False),  # Berlin
        (Point(lat=4.8270, lon=52.2375), False),  # lat and lon swapped
    ],
)
def test_in_netherlands(point: Point, expected: bool) -> None:
    assert in_netherlands(point.lat, point.lon) is expected


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (52.2375, 4.8270),
        ("52.2375", "4.8270"),
        ("52,2375", "4,8270"),  # decimal comma, as Dutch people often type it
        (Decimal("52.2375"), Decimal("4.8270")),
    ],
)
def test_validate_coordinates_accepts_numbers(lat: object, lon: object) -> None:
    assert validate_coordinates(lat, lon) == Point(lat=52.2375, lon=4.8270)


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(BRUSSELS.lat, BRUSSELS.lon), (PARIS.lat, PARIS.lon), (4.8270, 52.2375)],
)
def test_validate_coordinates_outside_netherlands(lat: float, lon: float) -> None:
    with pytest.raises(GeoError, match="^Deze coördinaten liggen niet in Nederland."):
        validate_coordinates(lat, lon)


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (math.nan, 4.8),
        (52.2, math.inf),
        ("abc", 4.8),
        (None, 4.8),
        (True, 4.8),
        ([52.2], 4.8),
        ("nan", "4.8"),
    ],
)
def test_validate_coordinates_not_numbers(lat: object, lon: object) -> None:
    with pytest.raises(GeoError, match="getallen"):
        validate_coordinates(lat, lon)


def test_distance_uithoorn_amsterdam_centraal() -> None:
    # As the crow flies about 16.5 km (by road it is closer to 20 km).
    assert 16_000 <= distance_m(UITHOORN, AMSTERDAM_CENTRAAL) <= 17_500


def test_distance_is_symmetric_and_zero_for_same_point() -> None:
    assert distance_m(UITHOORN, UITHOORN) == 0
    assert distance_m(UITHOORN, DE_KWAKEL) == pytest.approx(distance_m(DE_KWAKEL, UITHOORN))
    assert 1_500 <= distance_m(UITHOORN, DE_KWAKEL) <= 2_500


def test_many_distances_at_once_are_the_single_distances() -> None:
    others = [AMSTERDAM_CENTRAAL, DE_KWAKEL, UITHOORN, Point(lat=50.85, lon=5.69)]
    many = distances_m(UITHOORN, [p.lat for p in others], [p.lon for p in others])
    assert list(many) == pytest.approx([distance_m(UITHOORN, p) for p in others], abs=1e-6)


# --------------------------------------------------------------------------- polygon validation


def test_validate_polygon_returns_clean_geometry() -> None:
    ring = [[4.80, 52.22], [4.84, 52.22], [4.84, 52.25, 1.5], [4.80, 52.25], [4.80, 52.22]]
    result = validate_polygon({"type": "Polygon", "coordinates": [ring], "bbox": [1, 2, 3, 4]})
    assert result == {"type": "Polygon", "coordinates": [square(4.80, 52.22, 4.84, 52.25)]}


def test_validate_polygon_accepts_json_string_and_feature() -> None:
    feature = {"type": "Feature", "properties": {"name": "Wijk"}, "geometry": POLYGON_WITH_HOLE}
    assert validate_polygon(json.dumps(feature)) == POLYGON_WITH_HOLE
    collection = {"type": "FeatureCollection", "features": [feature]}
    assert validate_polygon(collection) == POLYGON_WITH_HOLE


def test_validate_polygon_accepts_multipolygon() -> None:
    geometry = {
        "type": "MultiPolygon",
        "coordinates": [
            [square(4.80, 52.22, 4.81, 52.23)],
            [square(4.82, 52.24, 4.83, 52.25)],
        ],
    }
    assert validate_polygon(geometry) == geometry


def test_validate_polygon_removes_repeated_points() -> None:
    ring = [[4.80, 52.22], [4.84, 52.22], [4.84, 52.22], [4.84, 52.25], [4.80, 52.22]]
    result = validate_polygon({"type": "Polygon", "coordinates": [ring]})
    assert result["coordinates"][0] == [[4.80, 52.22], [4.84, 52.22], [4.84, 52.25], [4.80, 52.22]]


@pytest.mark.parametrize(
    ("geojson", "message"),
    [
        ("{not json", "geen geldige GeoJSON"),
        ("[1, 2]", "geen GeoJSON-object"),
        ({"type": "Point", "coordinates": [4.82, 52.23]}, "geen punt of lijn"),
        (
            {"type": "LineString", "coordinates": [[4.80, 52.22], [4.84, 52.25]]},
            "geen punt of lijn",
        ),
        ({"type": "Polygon", "coordinates": []}, "geen coördinaten"),
        ({"type": "Feature", "geometry": None}, "geen geometrie"),
        ({"type": "FeatureCollection", "features": []}, "precies één gebied"),
        # Unclosed ring.
        (
            {
                "type": "Polygon",
                "coordinates": [[[4.80, 52.22], [4.84, 52.22], [4.84, 52.25], [4.80, 52.25]]],
            },
            "niet gesloten",
        ),
        # Too few positions.
        (
            {"type": "Polygon", "coordinates": [[[4.80, 52.22], [4.84, 52.22], [4.80, 52.22]]]},
            "minstens 3 hoekpunten",
        ),
        # Four positions, but only two different corners.
        (
            {
                "type": "Polygon",
                "coordinates": [[[4.80, 52.22], [4.84, 52.22], [4.84, 52.22], [4.80, 52.22]]],
            },
            "minstens 3 verschillende hoekpunten",
        ),
        # Bow-tie: the edges cross in the middle.
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[4.80, 52.22], [4.84, 52.25], [4.84, 52.22], [4.80, 52.25], [4.80, 52.22]]
                ],
            },
            "kruist zichzelf",
        ),
        # Figure eight touching in one corner.
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [
                        [4.80, 52.22],
                        [4.82, 52.23],
                        [4.84, 52.22],
                        [4.84, 52.25],
                        [4.82, 52.23],
                        [4.80, 52.25],
                        [4.80, 52.22],
                    ]
                ],
            },
            "kruist zichzelf",
        ),
        # Outside the Netherlands (Brussels).
        (
            {"type": "Polygon", "coordinates": [square(4.30, 50.80, 4.40, 50.90)]},
            "niet in Nederland",
        ),
        # lat/lon swapped.
        ({"type": "Polygon", "coordinates": [[[b, a] for a, b in OUTER]]}, "niet in Nederland"),
        # Positions that are not two numbers.
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [["4.80", "52.22"], [4.84, 52.22], [4.84, 52.25], ["4.80", "52.22"]]
                ],
            },
            "twee getallen",
        ),
        ({"type": "Polygon", "coordinates": [[[4.80], [4.84], [4.84], [4.80]]]}, "twee getallen"),
        ({"type": "Polygon", "coordinates": [[[4.80, math.nan]] * 4]}, "twee getallen"),
        ({"type": "Polygon", "coordinates": [[[True, 52.22]] * 4]}, "twee getallen"),
        # Zero area: all points on one line.
        (
            {
                "type": "Polygon",
                "coordinates": [[[4.80, 52.22], [4.81, 52.23], [4.82, 52.24], [4.80, 52.22]]],
            },
            "geen oppervlakte",
        ),
        # A hole that sticks out of the outer ring.
        (
            {"type": "Polygon", "coordinates": [OUTER, square(4.83, 52.23, 4.86, 52.24)]},
            "buiten de buitenrand",
        ),
        # One broken part makes a MultiPolygon invalid.
        (
            {
                "type": "MultiPolygon",
                "coordinates": [[OUTER], [[[4.80, 52.22], [4.84, 52.22], [4.84, 52.25]]]],
            },
            "minstens 3 hoekpunten",
        ),
    ],
)
def test_validate_polygon_errors(geojson: object, message: str) -> None:
    with pytest.raises(GeoError, match=message):
        validate_polygon(geojson)  # type: ignore[arg-type]


def test_validate_polygon_large_ring_is_fast_enough() -> None:
    # A circle-like ring with 2,000 corners must validate without an O(n^2) slowdown.
    n = 2000
    ring = [
        [4.82 + 0.01 * math.cos(2 * math.pi * k / n), 52.235 + 0.01 * math.sin(2 * math.pi * k / n)]
        for k in range(n)
    ]
    ring.append(ring[0])
    result = validate_polygon({"type": "Polygon", "coordinates": [ring]})
    assert len(result["coordinates"][0]) == n + 1


# --------------------------------------------------------------------------- point in polygon


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (Point(lat=52.225, lon=4.805), True),  # in the outer ring
        (Point(lat=52.245, lon=4.835), True),
        (Point(lat=52.235, lon=4.820), False),  # in the hole
        (Point(lat=52.26, lon=4.82), False),  # north of the area
        (Point(lat=52.235, lon=4.79), False),  # west of the area
        (AMSTERDAM_CENTRAAL, False),
    ],
)
def test_point_in_polygon_with_hole(point: Point, expected: bool) -> None:
    assert point_in_polygon(point, POLYGON_WITH_HOLE) is expected


def test_point_in_concave_polygon() -> None:
    # A "U" shape: the notch at the top is outside.
    ring = [
        [4.80, 52.22],
        [4.84, 52.22],
        [4.84, 52.25],
        [4.83, 52.25],
        [4.83, 52.23],
        [4.81, 52.23],
        [4.81, 52.25],
        [4.80, 52.25],
        [4.80, 52.22],
    ]
    geometry = validate_polygon({"type": "Polygon", "coordinates": [ring]})
    assert point_in_polygon(Point(lat=52.225, lon=4.82), geometry)
    assert not point_in_polygon(Point(lat=52.24, lon=4.82), geometry)
    assert point_in_polygon(Point(lat=52.24, lon=4.805), geometry)


def test_point_in_multipolygon() -> None:
    geometry = {
        "type": "MultiPolygon",
        "coordinates": [
            [square(4.80, 52.22, 4.81, 52.23)],
            [square(4.82, 52.24, 4.83, 52.25)],
        ],
    }
    assert point_in_polygon(Point(lat=52.225, lon=4.805), geometry)
    assert point_in_polygon(Point(lat=52.245, lon=4.825), geometry)
    assert not point_in_polygon(Point(lat=52.235, lon=4.815), geometry)


def test_point_in_polygon_accepts_feature_and_rejects_points() -> None:
    feature = {"type": "Feature", "geometry": POLYGON_WITH_HOLE, "properties": {}}
    assert point_in_polygon(Point(lat=52.225, lon=4.805), feature)
    with pytest.raises(GeoError):
        point_in_polygon(UITHOORN, {"type": "Point", "coordinates": [4.82, 52.23]})


def test_find_containing_returns_first_match() -> None:
    west = {"type": "Polygon", "coordinates": [square(4.79, 52.22, 4.81, 52.25)]}
    east = {"type": "Polygon", "coordinates": [square(4.81, 52.22, 4.84, 52.25)]}
    everything = {"type": "Polygon", "coordinates": [square(4.70, 52.10, 4.95, 52.30)]}
    areas = [("no shape", None), ("west", west), ("east", east), ("all", everything)]
    assert find_containing(DE_KWAKEL, areas) == "west"
    assert find_containing(UITHOORN, areas) == "east"
    assert find_containing(AMSTERDAM_CENTRAAL, areas) is None
    assert find_containing(Point(lat=52.15, lon=4.75), iter(areas)) == "all"
    assert find_containing(UITHOORN, []) is None


# --------------------------------------------------------------------------- centroid and bounds


def test_centroid_of_square() -> None:
    result = centroid({"type": "Polygon", "coordinates": [OUTER]})
    assert result.lat == pytest.approx(52.235)
    assert result.lon == pytest.approx(4.82)


def test_centroid_ignores_holes_and_orientation() -> None:
    clockwise = list(reversed(OUTER))
    result = centroid({"type": "Polygon", "coordinates": [clockwise, HOLE]})
    assert result == Point(lat=pytest.approx(52.235), lon=pytest.approx(4.82))


def test_centroid_is_area_weighted_for_multipolygon() -> None:
    big = square(4.80, 52.20, 4.82, 52.22)  # area 4 units, centre (4.81, 52.21)
    small = square(4.83, 52.20, 4.84, 52.21)  # area 1 unit, centre (4.835, 52.205)
    result = centroid({"type": "MultiPolygon", "coordinates": [[big], [small]]})
    assert result.lon == pytest.approx((4 * 4.81 + 1 * 4.835) / 5)
    assert result.lat == pytest.approx((4 * 52.21 + 1 * 52.205) / 5)


def test_centroid_of_triangle() -> None:
    triangle = [[4.80, 52.20], [4.83, 52.20], [4.80, 52.23], [4.80, 52.20]]
    result = centroid({"type": "Polygon", "coordinates": [triangle]})
    assert result.lon == pytest.approx(4.81)
    assert result.lat == pytest.approx(52.21)


def test_bounds() -> None:
    assert bounds(POLYGON_WITH_HOLE) == pytest.approx((52.22, 4.80, 52.25, 4.84))
    multi = {
        "type": "MultiPolygon",
        "coordinates": [[square(4.80, 52.22, 4.81, 52.23)], [square(4.82, 52.24, 4.83, 52.25)]],
    }
    assert bounds(multi) == pytest.approx((52.22, 4.80, 52.25, 4.83))


# --------------------------------------------------------------------------- RFC 7946 winding


def signed_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


def test_clockwise_outer_ring_is_rewound_counter_clockwise() -> None:
    clockwise = OUTER[::-1]
    assert signed_area(clockwise) < 0
    result = validate_polygon({"type": "Polygon", "coordinates": [clockwise]})
    ring = result["coordinates"][0]
    assert signed_area(ring) > 0
    assert ring[0] == ring[-1] == clockwise[0]
    assert sorted(map(tuple, ring)) == sorted(map(tuple, clockwise))


def test_holes_are_rewound_clockwise_in_polygons_and_multipolygons() -> None:
    counter_clockwise_hole = HOLE[::-1]
    polygon = validate_polygon(
        {"type": "Polygon", "coordinates": [OUTER[::-1], counter_clockwise_hole]}
    )
    assert signed_area(polygon["coordinates"][0]) > 0
    assert signed_area(polygon["coordinates"][1]) < 0
    multi = validate_polygon(
        {"type": "MultiPolygon", "coordinates": [[OUTER[::-1], counter_clockwise_hole]]}
    )
    assert multi["coordinates"][0] == polygon["coordinates"]


def test_rewind_keeps_right_geometry_and_leaves_what_it_cannot_read() -> None:
    from places.geo import rewind

    assert rewind(POLYGON_WITH_HOLE) == POLYGON_WITH_HOLE
    with_altitude = {"type": "Polygon", "coordinates": [[[*p, 0.0] for p in OUTER[::-1]]]}
    rewound = rewind(with_altitude)
    assert signed_area([p[:2] for p in rewound["coordinates"][0]]) > 0
    assert all(len(p) == 3 for p in rewound["coordinates"][0])
    for junk in (None, "x", {"type": "Point", "coordinates": [4.8, 52.2]}, {"type": "Polygon"}):
        assert rewind(junk) == junk
