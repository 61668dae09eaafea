"""manage.py import_wijken: CBS wijk boundaries (RD New or WGS84), atomic, with a dry run."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from cms.models import WijkPage
from places import geo
from places.geo import Point

DATA = Path(__file__).parent / "data" / "cbs_wijken_rd.geojson"
IN_CENTRUM = Point(52.2375, 4.8275)  # inside the CBS Centrum polygon, outside the old square
OLD_SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.70, 52.30], [4.71, 52.30], [4.71, 52.31], [4.70, 52.31], [4.70, 52.30]]],
}


def run(*args):
    out = StringIO()
    call_command("import_wijken", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def wijken(build):
    return {
        "centrum": build.wijk("centrum", "Centrum", boundary=OLD_SQUARE),
        "kwakel": build.wijk("de-kwakel", "De Kwakel", boundary=OLD_SQUARE, town="De Kwakel"),
    }


def _exterior_is_counter_clockwise(polygon):
    ring = polygon[0]
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))
    return area > 0


def test_rd_file_updates_the_live_wijken_with_rfc7946_winding(wijken, build):
    place = build.place(name="Buurthuis", lat=IN_CENTRUM.lat, lon=IN_CENTRUM.lon)
    assert place.wijk is None
    output = run(str(DATA), "--gemeente", "GM0451")
    assert "RD New (EPSG:28992), omgerekend" in output
    assert "WK045101 Centrum: bijgewerkt" in output and "2 wijk(en) bijgewerkt" in output
    assert "Amstelveen" not in output  # another gemeente

    centrum = WijkPage.objects.get(pk=wijken["centrum"].pk)
    assert centrum.cbs_code == "WK045101" and centrum.live and not centrum.has_unpublished_changes
    assert centrum.boundary["type"] == "Polygon"
    assert _exterior_is_counter_clockwise(centrum.boundary["coordinates"])
    assert geo.point_in_polygon(IN_CENTRUM, centrum.boundary)
    lon, lat = centrum.boundary["coordinates"][0][0]
    assert abs(lon - 4.815) < 0.0005 and abs(lat - 52.230) < 0.0005  # RD → WGS84, ~1 m

    kwakel = WijkPage.objects.get(pk=wijken["kwakel"].pk)
    assert kwakel.boundary["type"] == "MultiPolygon"
    assert all(_exterior_is_counter_clockwise(p) for p in kwakel.boundary["coordinates"])
    place.refresh_from_db()
    assert place.wijk_id == centrum.pk

    again = run(str(DATA), "--gemeente", "GM0451")
    assert "WK045101 Centrum: ongewijzigd" in again and "0 wijk(en) bijgewerkt" in again


def test_found_by_code_after_a_rename(wijken):
    run(str(DATA), "--gemeente", "GM0451")
    page = WijkPage.objects.get(pk=wijken["centrum"].pk)
    page.title = "Oude Dorp en Centrum"
    page.boundary = OLD_SQUARE
    page.save_revision().publish()
    output = run(str(DATA), "--gemeente", "GM0451")
    assert "WK045101 Centrum: bijgewerkt → wijk 'Oude Dorp en Centrum'" in output


def test_dry_run_changes_nothing(wijken):
    output = run(str(DATA), "--gemeente", "GM0451", "--dry-run")
    assert "Proef (niets opgeslagen): 2 wijk(en) bijgewerkt" in output
    centrum = WijkPage.objects.get(pk=wijken["centrum"].pk)
    assert centrum.boundary == OLD_SQUARE and centrum.cbs_code == ""


def test_wgs84_export_without_crs_member(wijken, tmp_path):
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "gemeentecode": "GM0451",
                    "wijkcode": "WK045101",
                    "wijknaam": "Centrum",
                },
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [
                            [4.815, 52.23],
                            [4.815, 52.245],
                            [4.84, 52.245],
                            [4.84, 52.23],
                            [4.815, 52.23],
                        ]
                    ],
                },
            }
        ],
    }
    path = tmp_path / "wijken.geojson"
    path.write_text(json.dumps(collection))
    output = run(str(path), "--gemeente", "gm0451")
    assert "WGS84" in output and "1 wijk(en) bijgewerkt" in output
    centrum = WijkPage.objects.get(pk=wijken["centrum"].pk)
    assert _exterior_is_counter_clockwise(centrum.boundary["coordinates"])


def test_one_broken_wijk_means_nothing_is_saved(wijken, tmp_path):
    collection = json.loads(DATA.read_text())
    collection["features"][1]["geometry"]["coordinates"] = [[[[113853.5, 470939.8]]]]
    path = tmp_path / "kapot.geojson"
    path.write_text(json.dumps(collection))
    with pytest.raises(CommandError) as error:
        run(str(path), "--gemeente", "GM0451")
    assert "Er is niets geïmporteerd" in str(error.value) and "De Kwakel" in str(error.value)
    assert WijkPage.objects.get(pk=wijken["centrum"].pk).boundary == OLD_SQUARE


def test_clear_messages_for_wrong_input(wijken, tmp_path):
    with pytest.raises(CommandError, match="geen wijken van gemeente GM9999"):
        run(str(DATA), "--gemeente", "GM9999")
    bad = tmp_path / "geen.json"
    bad.write_text("{niet: json")
    with pytest.raises(CommandError, match="geen geldig GeoJSON"):
        run(str(bad), "--gemeente", "GM0451")
    with pytest.raises(CommandError, match="Kan het bestand niet lezen"):
        run(str(tmp_path / "bestaat-niet.geojson"), "--gemeente", "GM0451")


def test_unknown_wijk_is_reported_not_invented(build):
    build.wijk("centrum", "Centrum", boundary=OLD_SQUARE)
    output = run(str(DATA), "--gemeente", "GM0451")
    assert "WK045103 De Kwakel: niet gevonden" in output
    assert "1 wijk(en) niet gevonden" in output
    assert not WijkPage.objects.filter(title="De Kwakel").exists()
