"""/kaart/ embeds its map data compactly (kaart/page_data.py): every place and everything a
popup shows must still be there, the same as in /api/kaart.geojson, in fewer bytes."""

import json
import re

import pytest

from kaart import page_data

POPUP_FIELDS = ("slug", "title", "url", "organisation", "open_now", "next_session")


def embedded(html: str, element_id: str):
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html)
    assert match, element_id
    return json.loads(match.group(1))


def expand(compact: dict) -> list[dict]:
    """What static/js/map/compact.js makes of it, in Python."""
    services = compact["services"]
    return [
        {"coordinates": [lon, lat], **services[index], "place": place, "address": address}
        for index, lon, lat, place, address in compact["places"]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{"thema": "geld"}, {"q": "schulden", "postcode": "1422AA"}])
def test_the_page_embeds_every_place_of_the_api_with_what_its_popup_shows(client, mapped, query):
    html = client.get("/kaart/", query).content.decode()
    api = client.get("/api/kaart.geojson", query).json()
    expected = [
        {
            "coordinates": feature["geometry"]["coordinates"],
            **{field: feature["properties"][field] for field in POPUP_FIELDS},
            "place": feature["properties"]["place"],
            "address": feature["properties"]["address"],
        }
        for feature in api["features"]
    ]
    compact = embedded(html, "kaart-plekken")
    assert expected and expand(compact) == expected
    # Schuldhulp has two places, but its title and opening are in the page once.
    assert [service["slug"] for service in compact["services"]].count("schuldhulp") == 1
    assert len(json.dumps(compact)) < len(json.dumps(api["features"])) / 2


@pytest.mark.django_db
def test_the_page_embeds_the_wijk_shapes_only(client, mapped):
    html = client.get("/kaart/").content.decode()
    (shape,) = embedded(html, "kaart-wijken")["features"]
    api = client.get("/api/kaart/wijken.geojson").json()
    assert shape["geometry"]["type"] == api["features"][0]["geometry"]["type"]
    assert shape["properties"] == {}


def test_coordinates_keep_five_decimals_about_a_metre():
    collection = {
        "features": [
            {
                "geometry": {"type": "Point", "coordinates": [4.827012345678, 52.234598765432]},
                "properties": {
                    "slug": "a",
                    "title": "A",
                    "url": "/a/",
                    "organisation": "",
                    "open_now": None,
                    "next_session": "",
                    "place": "Hier",
                    "address": "Straat 1, Uithoorn",
                    "rank": 1,
                    "distance_m": 12,
                },
            }
        ]
    }
    compact = page_data.compact_places(collection)
    assert compact["places"] == [[0, 4.82701, 52.2346, "Hier", "Straat 1, Uithoorn"]]
    boundaries = page_data.compact_boundaries(
        {
            "features": [
                {
                    "geometry": {"type": "Polygon", "coordinates": [[[4.1234567, 52.7654321]]]},
                    "properties": {"name": "X"},
                }
            ]
        }
    )
    assert boundaries["features"][0]["geometry"]["coordinates"] == [[[4.12346, 52.76543]]]
