"""Against a live Elasticsearch 8.x cluster. Skipped unless ELASTICSEARCH_URL is set:

    ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/pytest -m elasticsearch

Indices and the synonym set use the test prefix (SEARCH_INDEX_PREFIX=sociale-kaart-test)
and are removed afterwards.
"""

import os

import pytest
from django.conf import settings

from search import analysis, indexing, query
from search.engines.cluster import analyzers
from search.engines.cluster import engine as elastic
from search.types import SearchParams

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL"),
    pytest.mark.django_db,
]

SAMPLE = [
    "gemeente", "schulden", "schuld", "uitkering", "uitkeringen", "vrijwilligers", "ouderen",
    "kinderen", "betalen", "eenzaamheid", "opvoeding", "mantelzorgers", "formulieren",
]  # fmt: skip


@pytest.fixture
def cluster(build):
    build.service("shv", "Hulp bij schulden", phrases=["ik heb schulden"])
    build.service("cafe", "Taalcafe", summary="Nederlands oefenen.", phrases=["taal leren"])
    yield elastic.client()
    es = elastic.client()
    for index in elastic.current_indices(es):
        es.indices.delete(index=index, ignore_unavailable=True)


def test_stemmer_parity(cluster):
    indexing.rebuild(elastic=True)
    for word in SAMPLE:
        response = cluster.indices.analyze(
            index=elastic.alias_name(), analyzer="nl_search", text=word
        )
        tokens = {t["token"] for t in response["tokens"]}
        assert analysis.analyse_word(word).stem in tokens, (word, tokens)


def test_rebuild_swaps_the_alias_and_search_answers(cluster):
    first = indexing.rebuild(elastic=True).elastic_index
    second = indexing.rebuild(elastic=True).elastic_index
    assert first != second and elastic.current_indices(cluster) == [second]
    result = query.run(SearchParams(q="huur"), record=False)
    assert result.engine == "elasticsearch"
    assert [r.slug for r in result.results][:1] == ["shv"]
    assert "schulden" in " ".join(query.suggest("sch")).lower()


def test_synonym_changes_need_no_reindex(cluster):
    from search.synonyms import Synonym

    indexing.rebuild(elastic=True)
    assert query.run(SearchParams(q="kroko"), record=False).count == 0
    Synonym.objects.create(words="kroko", means="schulden")
    elastic.push_synonyms()
    result = query.run(SearchParams(q="kroko"), record=False)
    assert [r.slug for r in result.results] == ["shv"]


def test_prefix_and_names(cluster):
    assert elastic.alias_name().startswith(settings.SEARCH_INDEX_PREFIX)
    assert analyzers.synonym_set_name().startswith(settings.SEARCH_INDEX_PREFIX)
