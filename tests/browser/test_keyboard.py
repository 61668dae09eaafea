"""Search → result → service page with the keyboard alone, with focus always visible."""

import pytest

pytestmark = pytest.mark.browser

ACTIVE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    cls: String(el.className),
    href: el.getAttribute('href'),
    inResultTitle: Boolean(el.closest('.card__title')),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def tab_until(page, predicate, limit=150):
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if predicate(active):
            return active
    raise AssertionError("Tab never reached the element")


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    active = page.evaluate(ACTIVE)
    assert "skip-link" in active["cls"].split() and active["href"] == "#inhoud"
    assert active["outline"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_search_result_and_service_page_by_keyboard(page):
    page.goto("/")
    active = tab_until(page, lambda a: a["id"] == "zoekvraag")
    assert active["outline"], "focus must be visible on the search field"
    page.keyboard.type("ik kan de huur niet betalen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=*")
    assert page.locator(".card__title a").count() > 0
    active = tab_until(page, lambda a: a["inResultTitle"] and a["tag"] == "a")
    assert active["outline"], "focus must be visible on a result"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{active['href']}")
    assert page.locator("h1").count() == 1
    assert "/voorzieningen/" in page.url
