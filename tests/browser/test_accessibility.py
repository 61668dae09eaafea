"""WCAG 2.1 AA with axe-core on every kind of public page, plus what axe does not check:
one h1, headings without gaps, landmarks, the skip link first. Screenshots for review."""

import pytest

from tests.browser.support import KEY_PAGES, PAGES, describe, run_axe, wait_for_maps

pytestmark = pytest.mark.browser


def test_every_page_passes_axe_wcag21_aa(page, axe_source, screenshots):
    failures = {}
    for name, path in PAGES:
        page.goto(path)
        wait_for_maps(page)
        violations = run_axe(page, axe_source)
        if violations:
            failures[name] = describe(violations)
        if name in KEY_PAGES:
            page.screenshot(path=screenshots / f"{name}-1280.png", full_page=True)
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


STRUCTURE = """() => {
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter((h) => h.offsetParent !== null)
    .map((h) => Number(h.tagName[1]));
  const gaps = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1);
  const focusable = document.querySelector('a[href], button:not([hidden]), input, select');
  return {
    h1: levels.filter((level) => level === 1).length,
    first: levels[0],
    gaps: gaps.length,
    main: document.querySelectorAll('main').length,
    banner: document.querySelectorAll('body > header, [role=banner]').length,
    nav: document.querySelectorAll('nav').length,
    footer: document.querySelectorAll('body > footer').length,
    skip: focusable && focusable.classList.contains('skip-link') && focusable.getAttribute('href'),
  };
}"""


def test_headings_landmarks_and_skip_link(page):
    for name, path in PAGES:
        page.goto(path)
        found = page.evaluate(STRUCTURE)
        assert found["h1"] == 1 and found["first"] == 1, (name, found)
        assert found["gaps"] == 0, (name, "a heading level is skipped", found)
        assert found["main"] == 1 and found["banner"] == 1 and found["footer"] == 1, (name, found)
        assert found["nav"] >= 1, (name, found)
        assert found["skip"] == "#inhoud", (name, found)
