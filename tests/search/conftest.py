import datetime

import pytest
from django.db import transaction

from search import synonyms, understanding
from search.elsewhere import matching as elsewhere
from search.engines.embedded import snapshot

TODAY = datetime.date(2026, 11, 23)  # a Monday


@pytest.fixture(autouse=True)
def fresh_search_state():
    """Each test starts without an in-process copy of the index or of the vocabulary."""
    snapshot.reset()
    synonyms._cache.update(version=None, map=None)
    understanding.reset()
    elsewhere.reset()
    yield
    snapshot.reset()
    understanding.reset()
    elsewhere.reset()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around a whole test module: content made once, rolled back at the end.

    Tests still ask for ``db``; their own transactions nest inside this one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def module_build(module_db):
    from cms.site_structure import ensure_site_structure
    from tests.builders import Builder

    return Builder(ensure_site_structure())


@pytest.fixture(scope="module")
def demo(module_db):
    """The demo catalogue, loaded once per module and rolled back afterwards.

    (The session-wide ``demo_db`` fixture would leave the demo services in the database for
    every later test, which clashes with tests that build their own services.)
    """
    from cms.demo import load_catalogue

    load_catalogue(today=TODAY)
