import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from
# there unless told it is safe (pytest-django's live_server runs in another thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def closed_search_breaker():
    """Every test starts with the search cluster's circuit breaker closed (not skipping)."""
    from search.query import cluster

    cluster.reset()
    yield
    cluster.reset()


@pytest.fixture
def home(db):
    from cms.site_structure import ensure_site_structure

    return ensure_site_structure()


@pytest.fixture
def build(home):
    """Small builders for content, see tests/builders.py."""
    from tests.builders import Builder

    return Builder(home)


@pytest.fixture(scope="session")
def demo_db(django_db_setup, django_db_blocker):
    """The full demo catalogue, loaded once for end-to-end tests that exercise it on purpose."""
    from cms.demo import load_catalogue

    with django_db_blocker.unblock():
        load_catalogue()
    yield


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """The live demo site (tests/live_site.py): one server for the browser and contract tests."""
    from tests.live_site import demo_live_server

    with demo_live_server(django_db_blocker) as server:
        yield server
