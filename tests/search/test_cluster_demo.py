"""The cluster engine against the embedded engine on the demo catalogue (live, ``cluster``).

Both engines index the same demo data; the same questions go to both. What must match:
facets and counts when the matching set is the same (filters only), the order by distance,
the suggestions (the cluster's come from the same titles and phrases), and the judged
question sets, which must score within 0.03 of the embedded engine.
"""

import pytest
from django.test import override_settings

from places.geo import Point
from search import indexing
from search.engines.cluster import engine as elastic
from search.engines.embedded import engine as embedded
from search.types import SearchParams, Sort
from tests.search.helpers import DATA
from tests.search.judged import evaluate, load
from tests.search.test_eval import DEV

pytestmark = [pytest.mark.cluster, pytest.mark.django_db]

DE_KUYPER = Point(52.2365, 4.8325)  # Thamerdal, Uithoorn
DE_KWAKEL = Point(52.2330, 4.7950)
PREFIXES = ["sch", "taal", "mantel", "huis", "vrij", "voedsel", "ver", "hulp bij", "loket", "ko"]
TOLERANCE = 0.03


@pytest.fixture(scope="module")
def demo_cluster(demo, module_cluster):
    indexing.rebuild(elastic=True)
    return module_cluster


def both(params: SearchParams):
    return elastic.search(params), embedded.search(params)


@pytest.mark.parametrize(
    "params",
    [
        SearchParams(),
        SearchParams(themes=("geld",)),
        SearchParams(target_groups=("ouderen",), costs=("free",)),
        SearchParams(wijken=("thamerdal",)),
        SearchParams(themes=("geld", "wonen"), page=2),
    ],
    ids=["all", "thema", "doelgroep-kosten", "wijk", "two-themes-page-2"],
)
def test_facets_and_counts_match(demo_cluster, params):
    cluster, own = both(params)
    assert cluster.engine == demo_cluster.product
    assert cluster.count == own.count > 0
    assert cluster.facets == own.facets
    assert cluster.open_now_count == own.open_now_count


@pytest.mark.parametrize("origin", [DE_KUYPER, DE_KWAKEL], ids=["thamerdal", "de-kwakel"])
@pytest.mark.parametrize("q", ["", "inloopspreekuur"])
def test_distance_order_matches(demo_cluster, origin, q):
    params = SearchParams(q=q, origin=origin, sort=Sort.DISTANCE, page_size=50)
    cluster, own = both(params)

    def located(result):  # services at your door come first in both; then by distance
        return [(r.distance_m, r.slug) for r in result.results if r.distance_m is not None]

    cluster_located, own_located = located(cluster), located(own)
    assert [d for d, _ in cluster_located] == sorted(d for d, _ in cluster_located)
    if q:  # text questions: the located services both find, in the same order
        common = {s for _, s in cluster_located} & {s for _, s in own_located}
        assert len(common) >= 2
        cluster_located = [x for x in cluster_located if x[1] in common]
        own_located = [x for x in own_located if x[1] in common]
    # ties (services in one building) may come in any order: compare sorted within a distance
    assert sorted(cluster_located) == sorted(own_located)
    assert [d for d, _ in cluster_located] == [d for d, _ in own_located]


def test_suggestions_match(demo_cluster):
    report = []
    for prefix in PREFIXES:
        cluster = elastic.suggest(prefix, 8)
        own = embedded.suggest(prefix, 50)
        report.append(f"{prefix!r}: cluster {cluster} | embedded {own[:8]}")
        assert cluster, prefix
        assert set(cluster) <= set(own), (prefix, sorted(set(cluster) - set(own)))
    print("\n".join(report))


@pytest.mark.parametrize("path", [DEV, DATA / "heldout.tsv"], ids=["dev", "heldout"])
def test_judged_questions_score_like_the_embedded_engine(demo_cluster, client, path):
    cases = load(path)
    engines = set()
    original = client.get

    def get(*args, **kwargs):  # every answer must come from the cluster, not the fallback
        response = original(*args, **kwargs)
        engines.add(response.json()["engine"])
        return response

    client.get = get
    cluster_score = evaluate(client, cases)
    success, mrr, misses = cluster_score.success, cluster_score.mrr, cluster_score.misses
    assert engines == {demo_cluster.product}
    client.get = original
    with override_settings(OPENSEARCH_URL="", ELASTICSEARCH_URL=""):
        own = evaluate(client, cases)
    own_success, own_mrr = own.success, own.mrr
    print(
        f"\n{path.name}: cluster success@5={success:.3f} mrr={mrr:.3f} | "
        f"embedded success@5={own_success:.3f} mrr={own_mrr:.3f}\ncluster misses: {misses}"
    )
    assert success >= own_success - TOLERANCE, misses
    assert mrr >= own_mrr - TOLERANCE, misses
