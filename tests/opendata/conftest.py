import pytest
from django.db import transaction

from search import synonyms
from search.engines.embedded import snapshot


@pytest.fixture(autouse=True)
def fresh_search_state():
    snapshot.reset()
    synonyms._cache.update(version=None, map=None)
    yield
    snapshot.reset()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around a whole test module: content made once, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo(module_db):
    """The demo catalogue (as a harvester would find it), once per module."""
    from cms.demo import load_catalogue
    from search import indexing

    load_catalogue()
    indexing.rebuild(elastic=False)
