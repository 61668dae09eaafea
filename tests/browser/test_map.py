"""The map in a real browser, without any tile server: markers, clusters and popups work by
mouse and keyboard, the list drives the map, and boundaries can be switched on."""

import re

import pytest

from tests.browser.support import new_context, wait_for_maps

pytestmark = pytest.mark.browser

FOCUSED_CLASSES = "String(document.activeElement.className)"


def open_until_pin(page):
    """Open clusters until a single marker shows; return that marker."""
    for _ in range(6):
        pins = page.locator(".leaflet-marker-icon.map-pin")
        if pins.count():
            return pins.first
        page.locator(".leaflet-marker-icon.map-cluster").first.click()
        page.wait_for_timeout(400)
    raise AssertionError("no single marker after opening clusters")


def test_map_shows_markers_and_a_popup_opens(page):
    page.goto("/kaart/")
    wait_for_maps(page)
    assert page.locator(".leaflet-marker-icon").count() > 0
    # No tile server: no tile loaded, the markers are there anyway.
    assert page.locator(".leaflet-tile-loaded").count() == 0
    open_until_pin(page).click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    link = popup.locator("a.map-popup__link")
    assert link.get_attribute("href").startswith("/voorzieningen/")
    assert popup.locator(".map-popup__org").inner_text()


def test_markers_and_clusters_work_with_the_keyboard(page):
    page.goto("/kaart/")
    wait_for_maps(page)
    clusters = page.locator(".leaflet-marker-icon.map-cluster")
    if clusters.count():
        cluster = clusters.first
        assert cluster.get_attribute("role") == "button"
        assert cluster.get_attribute("tabindex") == "0"
        assert "plekken" in cluster.inner_text()
        cluster.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.classList.contains('leaflet-marker-icon')")
    pin = open_until_pin(page)
    pin.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for()
    assert "map-popup__link" in page.evaluate(FOCUSED_CLASSES)
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert "map-pin" in page.evaluate(FOCUSED_CLASSES)


def test_list_and_map_share_the_query(page):
    page.goto("/kaart/?q=ik+heb+schulden")
    wait_for_maps(page)
    listed = page.locator("[data-map-item]").evaluate_all(
        "(items) => items.map((item) => item.dataset.mapItem)"
    )
    mapped = page.evaluate(
        """() => {
            const data = JSON.parse(document.getElementById('kaart-plekken').textContent);
            return data.places.map(([service]) => data.services[service].slug);
        }"""
    )
    assert listed and set(mapped) <= set(listed)
    api = page.request.get("/api/kaart.geojson?q=ik+heb+schulden").json()
    assert [f["properties"]["slug"] for f in api["features"]] == mapped
    search_link = page.get_by_role("link", name="Bekijk dezelfde resultaten op de zoekpagina")
    assert search_link.get_attribute("href") == "/zoeken/?q=ik+heb+schulden"
    # "Toon op de kaart" in the list opens that place on the map.
    button = page.locator("[data-map-item] button").first
    title = button.locator("xpath=ancestor::li[1]").locator(".card__title").inner_text()
    button.click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert popup.locator(".map-popup__link").inner_text() == title


def test_wijk_boundaries_can_be_switched_on(page):
    page.goto("/kaart/")
    wait_for_maps(page)
    boundaries = page.locator(".leaflet-overlay-pane path")
    assert boundaries.count() == 0
    page.get_by_label("Toon de grenzen van de wijken").check()
    assert boundaries.count() == 9
    page.get_by_label("Toon de grenzen van de wijken").uncheck()
    assert boundaries.count() == 0


def test_map_describes_itself_to_screen_readers(page):
    page.goto("/kaart/")
    wait_for_maps(page)
    container = page.locator("[data-map]")
    assert container.get_attribute("role") == "region"
    description = page.locator(f"#{container.get_attribute('aria-describedby')}").inner_text()
    assert re.search(r"Op de kaart staan \d+ plekken", description)
    assert "ook in de lijst" in description


def test_wijk_page_map_shows_its_boundary(page):
    page.goto("/wijken/thamerdal/")
    wait_for_maps(page)
    assert page.locator(".wijk-map .leaflet-overlay-pane path").count() == 1
    assert page.locator(".wijk-map .leaflet-marker-icon").count() > 0


def test_postcode_and_own_location(browser, site):
    context = new_context(
        browser,
        site,
        geolocation={"latitude": 52.23456, "longitude": 4.82712},
        permissions=["geolocation"],
    )
    page = context.new_page()
    try:
        page.goto("/kaart/")
        page.get_by_label("Postcode").fill("1422 AA")
        page.get_by_role("button", name="Zoeken", exact=True).click()
        assert "in de buurt van postcode 1422 AA" in page.locator("#kaart-aantal").inner_text()
        page.get_by_role("button", name="Gebruik mijn locatie").click()
        page.wait_for_url(re.compile(r"lat=52\.235&lon=4\.827"))
        assert "postcode=" not in page.url
        assert "uw locatie" in page.locator("#kaart-aantal").inner_text()
        wait_for_maps(page)
    finally:
        context.close()


def test_reduced_motion_switches_map_animation_off(browser, site):
    for motion, animated in (("no-preference", True), ("reduce", False)):
        context = new_context(browser, site, reduced_motion=motion)
        page = context.new_page()
        page.goto("/kaart/")
        wait_for_maps(page)
        classes = page.locator("[data-map]").get_attribute("class")
        assert ("leaflet-fade-anim" in classes) is animated, motion
        context.close()


def test_small_map_beside_search_results_loads_on_request(page):
    page.goto("/zoeken/?q=ik+heb+schulden")
    assert page.evaluate("typeof window.L") == "undefined"
    page.get_by_role("button", name="Toon de kaart hier").click()
    page.locator("[data-minimap-map][data-ready='true']").wait_for()
    assert page.locator(".results-map .leaflet-marker-icon").count() > 0
