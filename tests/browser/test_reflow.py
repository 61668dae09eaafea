"""Reflow (WCAG 1.4.10): no horizontal scrolling at 320 px wide, nor at 640 px (1280 px at
200 % zoom). Screenshots at phone width (390 px) for review."""

import pytest

from tests.browser.support import (
    KEY_PAGES,
    PAGES,
    SERVICE,
    WHOS_WHO,
    log_in_as_professional,
    new_context,
    wait_for_maps,
)

pytestmark = pytest.mark.browser

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
    .filter((el) => !el.closest('.leaflet-container, .visually-hidden, .skip-link'))
    .filter((el) => !el.parentElement.closest('.table-scroll'))  // scrolls inside its own box
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`);
  return {scroll: document.documentElement.scrollWidth - width, wide};
}"""


@pytest.mark.parametrize("width", [320, 390, 640])
def test_pages_reflow_without_horizontal_scrolling(browser, site, screenshots, width):
    context = new_context(browser, site, viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = {}
    try:
        for name, path in PAGES:
            page.goto(path)
            wait_for_maps(page)
            found = page.evaluate(OVERFLOW)
            if found["scroll"] > 0 or found["wide"]:
                problems[name] = found
            if width == 390 and name in KEY_PAGES:
                page.screenshot(path=screenshots / f"{name}-390.png", full_page=True)
    finally:
        context.close()
    assert not problems, problems


def test_professional_pages_reflow(browser, site, screenshots):
    context = new_context(browser, site, viewport={"width": 320, "height": 800})
    page = context.new_page()
    try:
        log_in_as_professional(page)
        page.wait_for_url("**" + WHOS_WHO)
        found = page.evaluate(OVERFLOW)
        assert found["scroll"] <= 0 and not found["wide"], found
        page.screenshot(path=screenshots / "wie-doet-wat-320.png", full_page=True)
        page.goto(SERVICE)
        found = page.evaluate(OVERFLOW)
        assert found["scroll"] <= 0 and not found["wide"], found
        page.screenshot(path=screenshots / "voorziening-professional-320.png", full_page=True)
    finally:
        context.close()
