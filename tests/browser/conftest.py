"""Real-browser tests: Playwright for Python driving Debian's Chromium.

One browser and one live server for the whole session. The demo catalogue is loaded once and
committed (the live server may run in its own database connection, e.g. on PostgreSQL).
These tests do not use the ``db`` fixture, so pytest-django runs them after every database
test, and no transactional test flushes the data halfway.
"""

import os
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


def _is_test_database(connection) -> bool:
    name = str(connection.settings_dict["NAME"])
    return name.startswith(("file:memorydb", "test_"))


@pytest.fixture(scope="session")
def site(browser, django_db_setup, django_db_blocker):
    """pytest-django's live server with the demo catalogue, for the whole session."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    from tests.browser.demo_site import prepare_demo_site

    with django_db_blocker.unblock():
        # pytest-django creates the test database only when a collected test asks for it;
        # when only browser tests run, we create it here (never touch a real database).
        own_setup = None
        if not _is_test_database(connection):
            own_setup = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        assert _is_test_database(connection), connection.settings_dict["NAME"]
        prepare_demo_site()
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
        try:
            yield server
        finally:
            server.stop()
            if own_setup is not None:
                teardown_databases(own_setup, verbosity=0)


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
