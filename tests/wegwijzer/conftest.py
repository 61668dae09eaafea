import datetime

import pytest

from search.engines.embedded import snapshot
from wegwijzer.defaults import ensure_default_questions


@pytest.fixture(autouse=True)
def fresh_search_snapshot():
    snapshot.reset()
    yield
    snapshot.reset()


@pytest.fixture
def questions(db):
    ensure_default_questions()


WEEKDAY_MORNING = {"start_time": datetime.time(9), "end_time": datetime.time(12)}


@pytest.fixture
def flow(build, questions):
    """A small catalogue for the wegwijzer: two money services, two walk-in lokets, a wijk."""
    geld = build.theme("geld", "Geld en schulden")
    build.theme("zorgen-voor-een-ander", "Zorgen voor een ander")
    everyone = build.target_group("iedereen", "Iedereen")
    parents = build.target_group("ouders-en-kinderen", "Ouders en kinderen")
    build.wijk("centrum", "Centrum")  # around 1421 AA
    town_hall = build.place("gemeentehuis", "Gemeentehuis", lat=52.2346, lon=4.8270)
    far_away = build.place("kwakel", "Dorpshuis", lat=52.2290, lon=4.7950, postcode="1424 AA")
    return {
        "schuldhulp": build.service(
            "schuldhulp", "Schuldhulp", themes=[geld], target_groups=[everyone]
        ),
        "kindregeling": build.service(
            "kindregeling", "Meedoen voor kinderen", themes=[geld], target_groups=[parents]
        ),
        "loket_near": build.service(
            "loket-gemeentehuis",
            "Loket in het gemeentehuis",
            themes=[geld],
            places=[town_hall],
            access="walk_in",
            rules=[{"weekday": day, **WEEKDAY_MORNING} for day in range(5)],
        ),
        "loket_far": build.service(
            "loket-kwakel",
            "Loket in De Kwakel",
            themes=[geld],
            places=[far_away],
            access="walk_in",
            rules=[{"weekday": day, **WEEKDAY_MORNING} for day in range(7)],
        ),
    }
