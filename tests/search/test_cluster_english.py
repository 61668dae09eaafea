"""English questions on the cluster engine (live, ``cluster``): the English translation's
texts in fields with the English analyzer (Snowball English), searched with ``lang=en``."""

import pytest
from django.test import override_settings

from search import indexing
from tests.search import judged

pytestmark = [pytest.mark.cluster, pytest.mark.django_db]
TOLERANCE = 0.05


@pytest.fixture(scope="module")
def english_cluster(module_db, module_cluster):
    from cms.demo import load_catalogue
    from cms.demo_english import load_english
    from tests.search.conftest import TODAY

    load_catalogue(today=TODAY)
    load_english()
    indexing.rebuild(elastic=True)
    return module_cluster


def answer(client, q, **params):
    body = client.get("/api/zoeken/", {"q": q, **params}).json()
    return body["engine"], [r["slug"] for r in body["results"]]


def test_the_english_analyzer_stems_the_english_way(english_cluster):
    from search.engines.cluster import engine as elastic

    index = elastic.alias_name()
    tokens = english_cluster.analyze(index, "en_text", "The neighbours' sewing evenings")
    assert tokens == ["neighbour", "sew", "even"]


def test_words_only_the_english_texts_hold_are_found_on_the_cluster(english_cluster, client):
    engine, found = answer(client, "needlework", lang="en")
    assert engine == english_cluster.product
    assert found[:3] and "buurtkamer-thamerdal" in found[:3]
    _engine, dutch = answer(client, "needlework")
    assert "buurtkamer-thamerdal" not in dutch[:3]


def test_english_titles_on_the_cluster_too(english_cluster, client):
    body = client.get("/api/zoeken/", {"q": "debt", "lang": "en"}).json()
    assert body["engine"] == english_cluster.product
    assert body["results"][0]["url"].startswith("/en/")


@pytest.mark.parametrize("name", ["english", "english-heldout"])
def test_english_judged_sets_score_like_the_embedded_engine(english_cluster, client, name):
    cases = judged.load(judged.path_of(name))
    cluster = judged.evaluate(client, cases, lang="en")
    with override_settings(OPENSEARCH_URL="", ELASTICSEARCH_URL=""):
        own = judged.evaluate(client, cases, lang="en")
    print(
        f"\n{name} lang=en: cluster {cluster.success:.3f}/{cluster.mrr:.3f} | "
        f"embedded {own.success:.3f}/{own.mrr:.3f}"
    )
    assert cluster.success >= own.success - TOLERANCE, cluster.misses
