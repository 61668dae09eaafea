"""/loketten/: only walk-in points, open now first, then the one that opens soonest, then the
nearest to the postcode."""

import datetime

import pytest

from agenda.schedules import TIMEZONE
from cms import walk_in
from cms.models.pages import walk_in_services

pytestmark = pytest.mark.django_db

TUESDAY_TEN = datetime.datetime(2031, 3, 4, 10, 0, tzinfo=TIMEZONE)


def rule(day, start, end):
    return {"weekday": day, "start_time": datetime.time(start), "end_time": datetime.time(end)}


@pytest.fixture
def lokets(build):
    near = build.place("dichtbij", "Dichtbij", lat=52.2346, lon=4.8270)
    far = build.place("ver", "Ver weg", lat=52.2290, lon=4.7950, postcode="1424 AA")
    build.service("open-ver", "Open, ver", access="walk_in", places=[far], rules=[rule(1, 9, 12)])
    build.service(
        "open-dichtbij", "Open, dichtbij", access="walk_in", places=[near], rules=[rule(1, 9, 17)]
    )
    build.service(
        "straks", "Opent straks", access="walk_in", places=[near], rules=[rule(1, 13, 15)]
    )
    build.service("morgen", "Opent morgen", access="walk_in", places=[near], rules=[rule(2, 9, 12)])
    build.service(
        "afspraak", "Op afspraak", access="sign_up", places=[near], rules=[rule(1, 9, 17)]
    )


def test_order_open_now_then_opens_soonest_then_distance(lokets):
    found = walk_in.walk_in_list(walk_in_services(), TUESDAY_TEN, "1421 AA")
    assert [p.service.slug for p in found.points] == [
        "open-dichtbij",
        "open-ver",
        "straks",
        "morgen",
    ]
    assert found.points[0].state.sentence == "Nu open tot 17:00"
    assert found.points[2].state.sentence == "Gesloten · opent vandaag om 13:00"
    assert found.points[0].distance_m < found.points[1].distance_m


def test_a_wrong_postcode_gives_a_message_and_the_list(lokets):
    found = walk_in.walk_in_list(walk_in_services(), TUESDAY_TEN, "99")
    assert found.messages and "postcode" in found.messages[0]
    assert len(found.points) == 4 and found.points[0].distance_m is None


def test_the_page_lists_only_walk_ins_with_a_postcode_field(client, lokets):
    html = client.get("/loketten/?postcode=1421AA").content.decode()
    assert 'name="postcode" value="1421 AA"' in html
    assert "Opent morgen" in html and "Op afspraak" not in html
    assert "± " in html  # distances
