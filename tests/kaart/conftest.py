import pytest

from search.engines.embedded import snapshot


@pytest.fixture(autouse=True)
def fresh_search_snapshot():
    snapshot.reset()
    yield
    snapshot.reset()


@pytest.fixture
def mapped(build):
    """Three services: one at two places, one at one place, one only at home."""
    geld = build.theme("geld", "Geld en schulden")
    wonen = build.theme("wonen", "Wonen")
    build.wijk("centrum", "Centrum")
    gemeentehuis = build.place("gemeentehuis", "Gemeentehuis", lat=52.2346, lon=4.8270)
    bieb = build.place("bieb", "Bibliotheek", lat=52.2404, lon=4.8318, postcode="1421 AA")
    return {
        "two_places": build.service(
            "schuldhulp",
            "Schuldhulp",
            themes=[geld],
            places=[gemeentehuis, bieb],
            phrases=["ik heb schulden"],
            contact_person_name="Geheime Contactpersoon",
            referral_route="Alleen voor professionals",
            rules=[{"weekday": 0, "start_time": "09:00", "end_time": "12:00"}],
        ),
        "one_place": build.service(
            "financieel-cafe", "Financieel café", themes=[geld], places=[bieb]
        ),
        "at_home": build.service("budgetmaatje", "Budgetmaatje", themes=[geld], at_home=True),
        "other_theme": build.service("woonhulp", "Woonhulp", themes=[wonen], places=[bieb]),
    }
