"""WCAG 2.2 A/AA with axe-core on every kind of public page, plus what axe does not check:
one h1, headings without gaps, landmarks, the skip link first. The editorial forms are also
checked after submitting them, and the professionals' pages after logging in. Screenshots
for review."""

import datetime

import pytest

from tests.browser.support import (
    KEY_PAGES,
    PAGES,
    describe,
    run_axe,
    wait_for_maps,
    walk_editorial_pages,
)

pytestmark = pytest.mark.browser


def test_every_page_passes_axe_wcag22_aa(page, axe_source, screenshots):
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


def assert_structure(page, name):
    found = page.evaluate(STRUCTURE)
    assert found["h1"] == 1 and found["first"] == 1, (name, found)
    assert found["gaps"] == 0, (name, "a heading level is skipped", found)
    assert found["main"] == 1 and found["banner"] == 1 and found["footer"] == 1, (name, found)
    assert found["nav"] >= 1, (name, found)
    assert found["skip"] == "#inhoud", (name, found)


def test_headings_landmarks_and_skip_link(page):
    for name, path in PAGES:
        page.goto(path)
        assert_structure(page, name)


EDITORIAL_SCREENSHOTS = {"wijziging-met-fouten", "wie-doet-wat", "voorziening-professional"}


def test_editorial_forms_and_professional_pages_pass_axe(page, axe_source, screenshots):
    """Correction form with errors and its thank-you page, the feedback forms, the login with
    a wrong password, and as a logged-in professional 'Wie doet wat' and a service page."""
    failures = {}

    def check(name):
        wait_for_maps(page)
        violations = run_axe(page, axe_source)
        if violations:
            failures[name] = describe(violations)
        assert_structure(page, name)
        if name in EDITORIAL_SCREENSHOTS:
            page.screenshot(path=screenshots / f"{name}-1280.png", full_page=True)

    walk_editorial_pages(page, check)
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


@pytest.fixture
def overdue_service(site, django_db_blocker):
    """A demo service not checked for years, so the page shows the 'niet gecontroleerd' note."""
    from cms.models import ServicePage

    with django_db_blocker.unblock():
        # The Dutch page: the English demo (test_english_pages) has the same slug.
        service = ServicePage.objects.get(slug="naaiatelier", locale__language_code="nl")
        url, checked = service.url, service.last_checked
        old = checked - datetime.timedelta(days=3 * 365)
        ServicePage.objects.filter(pk=service.pk).update(last_checked=old)
    try:
        yield url
    finally:
        with django_db_blocker.unblock():
            ServicePage.objects.filter(pk=service.pk).update(last_checked=checked)


def test_overdue_warning_passes_axe(page, axe_source, overdue_service):
    page.goto(overdue_service)
    warning = page.locator(".niet-recent-gecontroleerd")
    assert warning.is_visible() and warning.inner_text().startswith("Let op:")
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)
