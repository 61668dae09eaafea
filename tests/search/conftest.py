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


# --------------------------------------------------------------------------- live cluster


@pytest.fixture(scope="session")
def search_node():
    """(url, product) of the live node; see tests/search/cluster_node.py for the rule."""
    from tests.search import cluster_node

    url = cluster_node.configured_url()
    if url is None:
        pytest.skip("no search node: set SEARCH_CLUSTER_URL (start one: make search-cluster)")
    try:
        cluster_node.wait_ready(url)
    except Exception as error:
        pytest.fail(f"the search node at {url} is not ready: {error}")
    return url, cluster_node.product(url)


def cluster_settings(url: str, product: str) -> dict:
    key = "OPENSEARCH_URL" if product == "opensearch" else "ELASTICSEARCH_URL"
    # A loaded CI machine can be slow; the tests want the cluster's answer, not the fallback.
    return {key: url, "ELASTICSEARCH_TIMEOUT": 20.0}


def drop_test_indices() -> None:
    from django.conf import settings

    from search.engines.cluster import engine as elastic

    es = elastic.client()
    found = es.raw.indices.get(index=f"{settings.SEARCH_INDEX_PREFIX}-*")
    for index in getattr(found, "body", found):
        es.delete_index(index)


@pytest.fixture
def cluster(settings, search_node):
    """The app pointed at the live node for one test; its test indices removed afterwards."""
    from search.engines.cluster import engine as elastic

    for name, value in cluster_settings(*search_node).items():
        setattr(settings, name, value)
    drop_test_indices()
    yield elastic.client()
    drop_test_indices()


@pytest.fixture(scope="module")
def module_cluster(search_node):
    """The same for a whole module (for the demo catalogue, loaded once per module)."""
    from django.test import override_settings

    from search.engines.cluster import engine as elastic

    with override_settings(**cluster_settings(*search_node)):
        drop_test_indices()
        yield elastic.client()
        drop_test_indices()
