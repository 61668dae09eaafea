"""Tests for the optional online geocoder. They never touch the internet."""

from __future__ import annotations

import logging
import time

import pytest
from geopy.geocoders import Nominatim
from geopy.location import Location

from places.geo import Point
from places.geocoder import geocode_address

ADDRESS = ("Laan van Meerwijk", "16", "1422 AA", "Uithoorn")


def test_disabled_returns_none_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("geocoder must not be called when disabled")

    monkeypatch.setattr(Nominatim, "geocode", fail)
    assert geocode_address(*ADDRESS, enabled=False) is None


def test_closed_port_returns_none_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    cache: dict[str, Point | None] = {}
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="places.geocoder"):
        result = geocode_address(
            *ADDRESS,
            enabled=True,
            timeout=2.0,
            cache=cache,
            domain="127.0.0.1:9",
            scheme="http",
        )
    assert result is None
    assert time.monotonic() - started < 10
    assert cache == {}  # failures are not cached, so a later try can succeed
    assert "Geocoding failed" in caplog.text


@pytest.fixture
def fake_nominatim(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Replace the network call; record the queries and answer with the gemeentehuis."""
    calls: list[dict] = []

    def geocode(self: Nominatim, query: dict, **kwargs: object) -> Location | None:
        calls.append({"query": query, **kwargs})
        if "9999" in query.get("postalcode", ""):
            return None
        if query.get("city") == "Brussel":
            return Location("Brussel", (50.8467, 4.3525), {})
        return Location("Gemeentehuis Uithoorn", (52.2346, 4.8270), {})

    monkeypatch.setattr(Nominatim, "geocode", geocode)
    return calls


def test_found_address_is_returned_and_cached(fake_nominatim: list[dict]) -> None:
    cache: dict[str, Point | None] = {}
    result = geocode_address(*ADDRESS, enabled=True, cache=cache)
    assert result == Point(lat=52.2346, lon=4.8270)
    assert fake_nominatim[0]["query"] == {
        "country": "Nederland",
        "street": "16 Laan van Meerwijk",
        "postalcode": "1422 AA",
        "city": "Uithoorn",
    }
    assert fake_nominatim[0]["country_codes"] == "nl"

    # Same address written differently: served from the cache.
    again = geocode_address(
        "laan van  meerwijk", 16, "1422aa", "UITHOORN", enabled=True, cache=cache
    )
    assert again == result
    assert len(fake_nominatim) == 1


def test_not_found_returns_none_and_is_cached(fake_nominatim: list[dict]) -> None:
    cache: dict[str, Point | None] = {}
    assert (
        geocode_address("Nergensweg", "1", "9999 ZZ", "Nergens", enabled=True, cache=cache) is None
    )
    assert (
        geocode_address("Nergensweg", "1", "9999 ZZ", "Nergens", enabled=True, cache=cache) is None
    )
    assert len(fake_nominatim) == 1


def test_result_outside_netherlands_is_ignored(fake_nominatim: list[dict]) -> None:
    assert geocode_address("Grote Markt", "1", "", "Brussel", enabled=True) is None


def test_invalid_postcode_is_left_out_of_the_query(fake_nominatim: list[dict]) -> None:
    geocode_address("Laan van Meerwijk", "16", "1422-AA", "Uithoorn", enabled=True)
    assert "postalcode" not in fake_nominatim[0]["query"]


def test_nothing_to_search_for(fake_nominatim: list[dict]) -> None:
    assert geocode_address("", "", "", "Uithoorn", enabled=True) is None
    assert fake_nominatim == []
