"""The walk-in the wegwijzer proposes fits the chosen target group, and 'vandaag nog' never
tells someone to call a loket that is closed."""

import datetime

import pytest
from django.http import QueryDict

from agenda.schedules import TIMEZONE
from cms.models import SiteSettings
from tests.wegwijzer.conftest import WEEKDAY_MORNING
from wegwijzer import advice
from wegwijzer import flow as flow_module

pytestmark = pytest.mark.django_db

MONDAY_EARLY = datetime.datetime(2031, 3, 3, 7, 0, tzinfo=TIMEZONE)
MONDAY_TEN = datetime.datetime(2031, 3, 3, 10, 0, tzinfo=TIMEZONE)
MONDAY_NIGHT = datetime.datetime(2031, 3, 3, 23, 0, tzinfo=TIMEZONE)


def read(query: str) -> flow_module.Choices:
    return flow_module.read_choices(QueryDict(query))


@pytest.fixture
def youth_work(build, flow):
    """A walk-in only for young people, next door and open every day from 07:00."""
    young = build.target_group("jongeren", "Jongeren")
    return build.service(
        "jongerenwerk",
        "Jongerenwerk",
        themes=[build.theme("zorgen-voor-een-ander", "Zorgen voor een ander")],
        places=[build.place("jc", "Jongerencentrum", lat=52.2347, lon=4.8271)],
        access="walk_in",
        target_groups=[young],
        rules=[
            {"weekday": day, "start_time": datetime.time(7), "end_time": datetime.time(23, 30)}
            for day in range(7)
        ],
    )


def test_a_walk_in_for_young_people_is_not_proposed_for_a_mother(youth_work):
    choices = read("thema=geld&voor-wie=ouder-of-partner&postcode=1421AA")
    result = advice.build_advice(choices, now=MONDAY_EARLY)
    assert result.loket is not None and result.loket.service.slug != "jongerenwerk"


def test_for_a_child_the_walk_in_for_young_people_may_come(youth_work):
    loket = advice.nearest_loket(
        None, ("zorgen-voor-een-ander",), now=MONDAY_EARLY, groups=("jongeren",)
    )
    assert loket.service.slug == "jongerenwerk"


@pytest.fixture
def loket_hours(build, flow, home):
    hours = build.service(
        "sociaal-loket-uren",
        "Sociaal loket",
        access="walk_in",
        rules=[{"weekday": day, **WEEKDAY_MORNING} for day in range(5)],
    )
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.sociaal_loket_hours = hours
    site_settings.save()
    return site_settings


def test_urgent_at_night_says_when_the_loket_opens_and_gives_lines_open_day_and_night(
    loket_hours,
):
    choices = read("thema=geld&haast=vandaag")
    urgent = advice.build_advice(choices, now=MONDAY_NIGHT, site_settings=loket_hours).urgent
    assert not urgent.call_now
    assert urgent.state.opens_text == "morgen om 09:00"
    assert {line.phone for line in urgent.always_open} >= {"0800 2000", "0800 0113"}


def test_urgent_while_open_says_call_now(loket_hours):
    choices = read("thema=geld&haast=vandaag")
    urgent = advice.build_advice(choices, now=MONDAY_TEN, site_settings=loket_hours).urgent
    assert urgent.call_now and urgent.state.sentence == "Nu open tot 12:00"


def test_the_result_page_at_night_does_not_say_call_now(client, loket_hours, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: MONDAY_NIGHT)
    html = client.get("/wegwijzer/uitkomst/?thema=geld&haast=vandaag").content.decode()
    assert "Het sociaal loket is nu gesloten. U kunt weer bellen morgen om 09:00" in html
    assert "Dag en nacht open" in html and 'href="tel:08002000"' in html
    assert "Bel het sociaal loket. Nu open" not in html
