"""One live server with the demo catalogue, for every test that talks to the running site:
the browser tests (through Playwright) and the API contract tests (like an outside program).
The ``live_site`` fixture in tests/conftest.py starts it once per session.

Those tests do not use the ``db`` fixture, so pytest-django runs them after every database
test and no transactional test flushes the data halfway. The demo catalogue is loaded once and
committed: the server thread may use its own database connection (e.g. on PostgreSQL).
"""

import os
from contextlib import contextmanager


def is_test_database(connection) -> bool:
    name = str(connection.settings_dict["NAME"])
    return name.startswith(("file:memorydb", "test_"))


@contextmanager
def demo_live_server(django_db_blocker):
    """pytest-django's LiveServer on the test database, with the demo site prepared."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    from tests.browser.demo_site import prepare_demo_site

    with django_db_blocker.unblock():
        # pytest-django creates the test database only when a collected test asks for it;
        # when only live tests run, we create it here (never touch a real database).
        own_setup = None
        if not is_test_database(connection):
            own_setup = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        assert is_test_database(connection), connection.settings_dict["NAME"]
        prepare_demo_site()
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
        try:
            yield server
        finally:
            server.stop()
            if own_setup is not None:
                teardown_databases(own_setup, verbosity=0)
