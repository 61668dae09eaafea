"""Without JavaScript every page still lists what it has: the map is only an extra."""

import pytest

from tests.browser.support import new_context

pytestmark = pytest.mark.browser


def test_pages_list_results_without_javascript(browser, site):
    context = new_context(browser, site, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/zoeken/?q=ik+heb+schulden")
        assert page.locator(".card__title a").count() > 0
        page.goto("/kaart/?q=ik+heb+schulden")
        assert page.locator("[data-map-item] .card__title a").count() > 0
        assert page.locator("[data-map]").is_hidden()
        assert page.get_by_role("button", name="Lees voor").is_hidden()
        page.goto("/wijken/thamerdal/")
        assert page.locator("#aanbod ~ ul .card").count() > 0
    finally:
        context.close()
