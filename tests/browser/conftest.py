"""Real-browser tests: Playwright for Python driving Debian's Chromium.

One browser and one live server (``live_site``, tests/live_site.py) for the whole session.
"""

from pathlib import Path

import pytest

from tests.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SCREENSHOTS,
    new_context,
    require_chromium,
)


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site(browser, live_site):
    """The live demo site (tests/live_site.py), started after the browser: without Chromium
    the browser tests skip before any database is made."""
    return live_site


@pytest.fixture
def context(browser, site):
    context = new_context(browser, site, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def axe_source():
    from django.contrib.staticfiles import finders

    path = finders.find("vendor/axe-core/axe.min.js")
    assert path, "axe-core is missing: run `npm ci` (make install-test does)."
    return Path(path).read_text(encoding="utf-8")
