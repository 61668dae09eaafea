import datetime
import json

import pytest

from kaart import features
from search import query
from search.types import NextSession, SearchParams

pytestmark = pytest.mark.django_db


def test_a_point_per_place_of_each_result_in_result_order(mapped):
    result = query.run(SearchParams(themes=("geld",), page_size=50), record=False)
    collection = features.results_collection(result.results)
    assert collection["type"] == "FeatureCollection"
    pairs = [(f["properties"]["slug"], f["properties"]["place"]) for f in collection["features"]]
    assert sorted(pairs) == [
        ("financieel-cafe", "Bibliotheek"),
        ("schuldhulp", "Bibliotheek"),
        ("schuldhulp", "Gemeentehuis"),
    ]
    ranks = [f["properties"]["rank"] for f in collection["features"]]
    assert ranks == sorted(ranks)
    # Services without a place (budgetmaatje, at home) are in the list, not on the map.
    assert "budgetmaatje" in {item.slug for item in result.results}


def test_geometry_is_geojson_lon_lat_and_properties_are_public(mapped):
    result = query.run(SearchParams(q="schulden"), record=False)
    collection = features.results_collection(result.results)
    feature = next(f for f in collection["features"] if f["properties"]["place"] == "Gemeentehuis")
    assert feature["geometry"] == {"type": "Point", "coordinates": [4.827, 52.2346]}
    props = feature["properties"]
    assert props["title"] == "Schuldhulp"
    assert props["url"] == "/voorzieningen/schuldhulp/"
    assert props["organisation"] == "Gemeente Uithoorn"
    assert props["address"] == "Laan van Meerwijk 16, Uithoorn"
    assert props["next_session"].endswith("van 09:00 tot 12:00 uur")
    text = json.dumps(collection)
    assert "Geheime Contactpersoon" not in text
    assert "Alleen voor professionals" not in text


def test_session_label_is_dutch():
    from agenda.schedules import TIMEZONE

    start = datetime.datetime(2031, 3, 6, 9, 30, tzinfo=TIMEZONE)
    session = NextSession(start, start + datetime.timedelta(hours=2), "", False)
    assert features.session_label(session) == "Donderdag 6 maart 2031, van 09:30 tot 11:30 uur"
    assert features.session_label(None) == ""


def test_wijk_boundaries(mapped):
    collection = features.wijken_collection()
    (feature,) = collection["features"]
    assert feature["id"] == "centrum"
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["properties"]["name"] == "Centrum"
    assert feature["properties"]["url"] == "/wijken/centrum/"


@pytest.mark.django_db
def test_the_map_takes_places_from_the_results_without_a_second_query(
    build, django_assert_num_queries
):
    place = build.place("kuyper", "De Kuyper", lat=52.24, lon=4.83)
    build.service("shv", "Hulp bij schulden", places=[place])
    result = query.run(SearchParams(), record=False)
    with django_assert_num_queries(0):
        collection = features.results_collection(result.results)
    (feature,) = collection["features"]
    assert feature["geometry"]["coordinates"] == [4.83, 52.24]
    assert feature["properties"]["address"].endswith(", Uithoorn")
