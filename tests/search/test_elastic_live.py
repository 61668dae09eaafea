"""The cluster engine against a live node (OpenSearch 2 in CI, or an Elasticsearch 8).

Marked ``cluster``: run once in CI against the node that ``.ci/run`` starts, not on the
PostgreSQL re-run. Which node, and when these fail rather than skip: tests/search/cluster_node.py.

    make search-cluster &   # OpenSearch on 127.0.0.1:9201
    SEARCH_CLUSTER_URL=http://127.0.0.1:9201 .venv/bin/pytest -m cluster

Indices use the test prefix (SEARCH_INDEX_PREFIX=sociale-kaart-test) and are removed afterwards.
"""

import datetime
import json
import threading
import time

import pytest
from django.conf import settings

from search import analysis, indexing, query
from search.engines.cluster import analyzers
from search.engines.cluster import bodies as es_query
from search.engines.cluster import engine as elastic
from search.engines.cluster import transport as cluster_transport
from search.types import SearchParams
from tests.search.helpers import DATA

pytestmark = [pytest.mark.cluster, pytest.mark.django_db]

SAMPLE = [
    "gemeente", "schulden", "schuld", "uitkering", "uitkeringen", "vrijwilligers", "ouderen",
    "kinderen", "betalen", "eenzaamheid", "opvoeding", "mantelzorgers", "formulieren",
]  # fmt: skip


@pytest.fixture
def services(build):
    build.service("shv", "Hulp bij schulden", phrases=["ik heb schulden"])
    build.service("cafe", "Taalcafe", summary="Nederlands oefenen.", phrases=["taal leren"])


def test_stemmer_parity(cluster, services):
    indexing.rebuild(elastic=True)
    for word in SAMPLE:
        tokens = set(cluster.analyze(elastic.alias_name(), "nl_search", word))
        assert analysis.analyse_word(word).stem in tokens, (word, tokens)


def test_rebuild_swaps_the_alias_and_search_answers(cluster, services):
    first = indexing.rebuild(elastic=True).elastic_index
    second = indexing.rebuild(elastic=True).elastic_index
    assert first != second and elastic.current_indices(cluster) == [second]
    result = query.run(SearchParams(q="huur"), record=False)
    assert result.engine == cluster.product
    assert [r.slug for r in result.results][:1] == ["shv"]
    assert "schulden" in " ".join(query.suggest("sch")).lower()


def test_synonym_changes_need_no_reindex(cluster, services, django_capture_on_commit_callbacks):
    """An editor adds a synonym in the admin: the next search finds it, same index."""
    from search.synonyms import Synonym

    index = indexing.rebuild(elastic=True).elastic_index
    assert query.run(SearchParams(q="kroko"), record=False).count == 0
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(words="kroko", means="schulden")  # the signal pushes it
    result = query.run(SearchParams(q="kroko"), record=False)
    assert result.engine == cluster.product
    assert [r.slug for r in result.results] == ["shv"]
    assert elastic.current_indices(cluster) == [index]


def test_prefix_and_names(cluster):
    assert elastic.alias_name().startswith(settings.SEARCH_INDEX_PREFIX)
    assert analyzers.synonym_set_name().startswith(settings.SEARCH_INDEX_PREFIX)
    assert cluster.product == query.configured_engine()


def test_alias_swap_while_queries_run_fails_no_query(cluster, services):
    """Rebuilds swap the alias under a steady stream of searches: each one is answered."""
    indexing.rebuild(elastic=True)
    body = es_query.build_search(SearchParams(q="schulden"), datetime.datetime.now(datetime.UTC))
    answered, problems, done = [], [], threading.Event()

    def search_until_done():
        while not done.is_set():
            try:
                response = cluster.search(elastic.alias_name(), body)
            except Exception as error:  # noqa: BLE001 - every failure is the finding
                problems.append(f"{type(error).__name__}: {error}")
                continue
            slugs = [hit["_source"]["slug"] for hit in response["hits"]["hits"]]
            if response["_shards"].get("failed") or slugs[:1] != ["shv"]:
                problems.append(f"shards {response['_shards']}, hits {slugs}")
            answered.append(slugs)

    workers = [threading.Thread(target=search_until_done) for _ in range(2)]
    for worker in workers:
        worker.start()
    try:
        indices = [indexing.rebuild(elastic=True).elastic_index for _ in range(3)]
        time.sleep(0.2)
    finally:
        done.set()
        for worker in workers:
            worker.join(timeout=30)
    assert problems == []
    assert len(answered) >= 20, f"only {len(answered)} searches ran during the rebuilds"
    assert len(set(indices)) == 3 and elastic.current_indices(cluster) == [indices[-1]]


def _pinned(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_pinned_payloads_are_accepted_by_the_live_node(cluster):
    """The pinned Elasticsearch payloads, sent as they are where the API is shared.

    The only change: on OpenSearch the synonym filter carries its rules inline instead of
    naming an Elasticsearch synonyms set (cluster_transport, the documented difference).
    """
    index = "sociale-kaart-test-services-pinned"
    rules = [{"id": "rule-1", "synonyms": "huur, huren"}]
    cluster.create_index(index, _pinned("es_index.json"), analyzers.synonym_set_name(), rules)
    actions = _pinned("es_bulk.json")
    for action in actions:  # the pinned file keeps first, last and count of the sessions
        action["_index"] = index
        action["_source"]["sessions"] = action["_source"]["sessions"][:2]
    cluster.bulk(actions, refresh=True)
    for name, expect_hit in [
        ("es_query_text.json", False),  # "ik kan de huur niet betalen": no such service here
        ("es_query_filters_distance.json", False),  # page 2 of one hit
        ("es_query_sorted_by_distance.json", True),
    ]:
        response = cluster.search(index, _pinned(name))
        assert response["_shards"]["failed"] == 0, name
        assert bool(response["hits"]["hits"]) is expect_hit, (name, response["hits"])
        assert set(response["aggregations"]) == {*es_query.FACET_FIELDS, "open_nu"}
    found = cluster.search(index, {"query": {"match": {"title": "schuld"}}})
    assert [hit["_id"] for hit in found["hits"]["hits"]] == ["7"]
    assert isinstance(cluster, cluster_transport.ClusterClient)
