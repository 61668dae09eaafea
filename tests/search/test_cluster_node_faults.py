"""Faults (live, ``cluster``): a node killed mid-run, and the same node back again.

(The faults that need no node, a closed port, a hung listener, a full backlog, are in
test_cluster_faults.py.)

The test starts a node of its own on SEARCH_CLUSTER_FAULT_PORT (default 9202) with its data
in a temporary folder, so it never kills the shared node that .ci/run started.
"""

import os
import threading
import time

import pytest

from search import indexing, query
from search.engines.cluster import engine as elastic
from search.types import SearchParams
from tests.search.cluster_node import OwnNode

pytestmark = [pytest.mark.cluster, pytest.mark.django_db]


@pytest.fixture
def own_node(search_node, tmp_path):
    node = OwnNode(
        int(os.environ.get("SEARCH_CLUSTER_FAULT_PORT", "9202")),
        data=tmp_path / "data",
        log=tmp_path / "node.log",
    )
    yield node
    node.stop()


def test_killed_node_falls_back_and_comes_back_without_a_restart(settings, build, own_node):
    build.service("shv", "Hulp bij schulden", phrases=["ik heb schulden"])
    build.service("cafe", "Taalcafe", summary="Nederlands oefenen.", phrases=["taal leren"])
    own_node.start()
    settings.OPENSEARCH_URL, settings.ELASTICSEARCH_URL = own_node.url, ""
    settings.ELASTICSEARCH_TIMEOUT = 20.0
    query.cluster.retry_after = 0.5  # the breaker's pause, short for this test
    indexing.rebuild(elastic=True)
    question = SearchParams(q="schulden")

    first = query.run(question, record=False)
    assert first.engine == "opensearch" and first.results[0].slug == "shv"

    killer = threading.Timer(0.5, own_node.kill)  # the node dies while searches run
    killer.start()
    engines = []
    while len(engines) < 400 and "embedded" not in engines[-3:]:
        result = query.run(question, record=False)
        assert [r.slug for r in result.results][:1] == ["shv"]  # every search is answered
        engines.append(result.engine)
    killer.join()
    assert engines[0] == "opensearch" and engines[-1] == "embedded"
    assert query.run(question, record=False).engine == "embedded"
    assert "schulden" in " ".join(query.suggest("sch")).lower()

    own_node.start()  # same port, same data folder; the site keeps running as it is
    time.sleep(query.cluster.retry_after)  # the breaker lets the next search probe it
    again = query.run(question, record=False)
    assert again.engine == "opensearch" and again.results[0].slug == "shv"
    assert elastic.current_indices(elastic.client())  # the index survived the crash


@pytest.fixture(autouse=True)
def _restore_breaker_pause(settings):
    yield
    query.cluster.retry_after = settings.ELASTICSEARCH_RETRY_AFTER
