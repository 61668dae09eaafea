"""A live server with the demo catalogue, for tests that talk HTTP to the running site like
an outside program does (no ``db`` fixture: pytest-django runs these after the database tests,
and the data is committed so the server thread sees it)."""

import os

import pytest


def _is_test_database(connection) -> bool:
    name = str(connection.settings_dict["NAME"])
    return name.startswith(("file:memorydb", "test_"))


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    from tests.browser.demo_site import prepare_demo_site

    with django_db_blocker.unblock():
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
