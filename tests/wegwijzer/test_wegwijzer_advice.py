import dataclasses
import datetime

import pytest
from django.http import QueryDict

from agenda.schedules import TIMEZONE
from places import geo
from wegwijzer import advice, sharing
from wegwijzer import flow as flow_module

pytestmark = pytest.mark.django_db

MONDAY_EARLY = datetime.datetime(2031, 3, 3, 7, 0, tzinfo=TIMEZONE)
SATURDAY_EARLY = datetime.datetime(2031, 3, 8, 7, 0, tzinfo=TIMEZONE)
NEAR_TOWN_HALL = geo.Point(52.2350, 4.8275)


def read(query: str) -> flow_module.Choices:
    return flow_module.read_choices(QueryDict(query))


def slugs(result: advice.Advice) -> set[str]:
    return {item.slug for item in result.services}


def test_services_come_from_the_search_with_the_chosen_filters(flow):
    result = advice.build_advice(read("thema=geld&voor-wie=mijn-kind"), now=MONDAY_EARLY)
    assert slugs(result) == {"schuldhulp", "kindregeling"}
    assert not result.broadened
    assert "doelgroep=ouders-en-kinderen" in result.search_query


def test_nothing_for_the_group_shows_the_whole_theme(flow):
    question = flow_module.questions()[0]
    carers_only = flow_module.Answer("mantelzorg", "Mantelzorg", target_groups=("mantelzorgers",))
    choices = dataclasses.replace(read("thema=geld"), answers=((question, carers_only),))
    result = advice.build_advice(choices, now=MONDAY_EARLY)
    assert result.broadened
    assert {"schuldhulp", "kindregeling"} <= slugs(result)
    assert "doelgroep" not in result.search_query


def test_the_nearest_walk_in_loket_with_its_next_session(flow):
    loket = advice.nearest_loket(NEAR_TOWN_HALL, ("geld",), now=MONDAY_EARLY)
    assert loket.service.slug == "loket-gemeentehuis"
    assert loket.place.slug == "gemeentehuis"
    assert loket.distance_m < 200
    assert loket.next_session.start == datetime.datetime(2031, 3, 3, 9, 0, tzinfo=TIMEZONE)


def test_without_a_postcode_the_loket_that_opens_first(flow):
    loket = advice.nearest_loket(None, ("geld",), now=SATURDAY_EARLY)
    assert loket.service.slug == "loket-kwakel"  # open on Saturday too
    assert loket.distance_m is None


def test_the_wijk_and_its_sleutelpersonen_from_the_postcode(flow):
    result = advice.build_advice(read("thema=geld&postcode=1421AA"), now=MONDAY_EARLY)
    assert result.wijk.slug == "centrum"
    assert [p.name for p in result.sleutelpersonen] == ["Sleutelpersoon Centrum"]
    assert advice.wijk_at(geo.Point(52.2290, 4.7950)) is None
    assert advice.wijk_at(None) is None


def test_mail_link_lists_the_services(flow):
    result = advice.build_advice(read("thema=geld"), now=MONDAY_EARLY)
    link = sharing.mail_link(result, "https://x.test/wegwijzer/uitkomst/?thema=geld", lambda p: p)
    assert link.startswith("mailto:?subject=Hulp%20die%20bij%20u%20past")
    assert "Schuldhulp" in link.replace("%20", " ")
    assert "https%3A//x.test/wegwijzer/uitkomst/%3Fthema%3Dgeld" in link
