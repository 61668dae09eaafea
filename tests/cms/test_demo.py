import datetime
import json

import pytest

from agenda import schedules
from cms.demo import CATALOGUE, load_catalogue
from cms.models import OrganisationPage, Place, ServicePage, Sleutelpersoon, WijkPage

TODAY = datetime.date(2026, 11, 23)  # a Monday
AMSTERDAM = schedules.TIMEZONE


@pytest.fixture
def loaded(db):
    return load_catalogue(today=TODAY)


def test_demo_catalogue_has_every_service_with_its_fixed_slug(loaded):
    with open(CATALOGUE, encoding="utf-8") as handle:
        expected = {s["slug"] for s in json.load(handle)["services"]}
    assert len(expected) == 35
    assert set(ServicePage.objects.live().values_list("slug", flat=True)) == expected
    assert "schuldhulpverlening" in expected and "pop-up-loket-de-kuyper" in expected


def test_wijken_have_a_boundary_and_a_sleutelpersoon(loaded):
    wijken = WijkPage.objects.live()
    assert wijken.count() >= 8
    assert wijken.filter(slug="de-kwakel", town="De Kwakel").exists()
    for wijk in wijken:
        assert wijk.boundary["type"] in ("Polygon", "MultiPolygon")
        assert wijk.sleutelpersonen.count() >= 1
    assert Place.objects.filter(wijk__isnull=True).count() == 0
    assert Place.objects.get(slug="de-kuyper").wijk.slug == "thamerdal"


def test_loading_twice_changes_nothing(loaded):
    def snapshot():
        return (
            list(ServicePage.objects.order_by("pk").values_list("pk", "slug", "latest_revision")),
            ServicePage.objects.count(),
            OrganisationPage.objects.count(),
            Place.objects.count(),
            Sleutelpersoon.objects.count(),
        )

    before = snapshot()
    second = load_catalogue(today=TODAY)
    assert second.total == 0
    assert snapshot() == before


def test_loading_keeps_what_an_editor_changed(loaded):
    service = ServicePage.objects.get(slug="budgetmaatje")
    service.summary = "Aangepast door de redactie."
    service.save_revision().publish()
    load_catalogue(today=TODAY)
    assert ServicePage.objects.get(slug="budgetmaatje").summary == "Aangepast door de redactie."


def test_pop_up_loket_de_kuyper_is_on_thursday_mornings_with_an_extra_session(loaded):
    loket = ServicePage.objects.get(slug="pop-up-loket-de-kuyper")
    now = datetime.datetime(2026, 11, 23, 8, 0, tzinfo=AMSTERDAM)
    sessions = loket.next_sessions(count=5, now=now)
    regular = [s for s in sessions if not s.extra]
    extra = [s for s in sessions if s.extra]
    assert all(s.start.weekday() == 3 and s.start.hour < 12 for s in regular)
    assert len(extra) == 1
    assert extra[0].start.date() == datetime.date(2026, 12, 1)  # 5 days on, next Tuesday
    assert "De Kuyper" in extra[0].place


def test_loket_waterlinie_shows_the_christmas_closure(loaded):
    loket = ServicePage.objects.get(slug="loket-waterlinie")
    closures = schedules.upcoming_closures(loket.schedule(), TODAY, days=60)
    by_date = {c.date: c for c in closures}
    christmas = by_date[datetime.date(2026, 12, 25)]
    assert christmas.public_holiday
    assert "kerst" in christmas.reason.lower()
    assert any(not c.public_holiday for c in closures)  # the team day
    on_christmas = schedules.sessions_on(loket.schedule(), datetime.date(2026, 12, 25))
    assert on_christmas == []
