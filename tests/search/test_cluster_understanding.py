"""Query understanding on the cluster engine (live, ``cluster``): the same preferences as the
embedded engine (tests/search/test_understanding.py). A place or wijk means near there (and
the wijk's services first), a person means their target group, a time word means open then.
Both engines index the demo; the API answers through the cluster."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone

from search import indexing
from search.engines.cluster import bodies
from search.engines.cluster import engine as elastic
from search.engines.embedded import engine as embedded
from search.types import SearchParams
from search.understanding import understand
from tests.search.helpers import api, slugs
from tests.search.test_understanding import parts

pytestmark = [pytest.mark.cluster, pytest.mark.django_db]


@pytest.fixture(scope="module")
def demo_cluster(demo, module_cluster):
    indexing.rebuild(elastic=True)
    return module_cluster


def both(q: str, now: datetime.datetime | None = None):
    params = understand(SearchParams(q=q, now=now)).apply(SearchParams(q=q, now=now))
    return params, elastic.search(params), embedded.search(params)


def test_mother_of_84_lonely_in_de_kwakel_on_the_cluster(demo_cluster, client):
    body = api(client, q="mijn moeder van 84 is eenzaam in De Kwakel")
    assert body["engine"] == demo_cluster.product
    assert parts(body) == {"plaats": "in de buurt van De Kwakel", "voor": "voor ouderen"}
    assert body["count"] >= 3
    assert body["results"][0]["distance_m"] is not None
    params, cluster, own = both("mijn moeder van 84 is eenzaam in De Kwakel")
    assert params.prefer_groups == ("ouderen",)
    top = [r.slug for r in cluster.results[:3]]
    assert set(top) & {r.slug for r in own.results[:3]}


def test_daytime_activity_for_father_in_de_kwakel_prefers_the_village(demo_cluster, client):
    """Both 269 m away: the village's meeting place for older people goes before youth work
    (the embedded engine's test also wants it first; on the cluster, BM25 may put the Wmo
    text match above both, which is the text score, not the preferences)."""
    found = slugs(api(client, q="dagactiviteit voor mijn vader in De Kwakel"))
    assert "ontmoeting-dorpshuis-de-kwakel" in found[:2]
    assert found.index("ontmoeting-dorpshuis-de-kwakel") < found.index("jongerenwerk")


def test_the_preferences_change_the_clusters_order(demo_cluster):
    """Without the preferences the cluster ranks differently: they are not a no-op."""
    params, cluster, _ = both("eenzaam voor ouderen in De Kwakel")
    plain = elastic.search(
        SearchParams(q=params.q, origin=params.origin)  # the same text and point, no preferences
    )
    assert [r.slug for r in cluster.results] != [r.slug for r in plain.results]


def test_a_person_only_question_browses_their_services_like_the_embedded_engine(demo_cluster):
    params, cluster, own = both("ik kom uit Syrië")
    assert params.q == "" and params.prefer_groups
    assert cluster.count == own.count > 0
    assert {r.slug for r in cluster.results} == {r.slug for r in own.results}


def next_weekday_morning() -> datetime.datetime:
    """08:00 on the next working day: "vandaag" then has a whole day of openings ahead,
    whatever the hour the suite runs."""
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(8), tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_time_words_prefer_what_is_open_then(demo_cluster):
    morning = next_weekday_morning()
    params, cluster, own = both("inloop vandaag", morning)
    assert params.prefer_windows
    assert cluster.results[0].slug in {r.slug for r in own.results[:3]}
    ((clause, weight),) = bodies.preference_filters(
        SearchParams(prefer_windows=params.prefer_windows)
    )
    open_then = hits(clause)
    assert weight > 1 and open_then
    plain = [r.slug for r in elastic.search(SearchParams(q=params.q)).results]
    ranked = [r.slug for r in cluster.results]
    moved = [s for s in open_then if s in plain and s in ranked]
    assert moved
    # A boost for what is open then: those services never go down.
    assert all(ranked.index(s) <= plain.index(s) for s in moved)
    # Only a time word: the services open then, the same set as the embedded engine's.
    params, cluster, own = both("vandaag", morning)
    assert params.q == "" and params.prefer_windows
    on_cluster, on_embedded = {r.slug for r in cluster.results}, {r.slug for r in own.results}
    assert on_cluster and on_cluster <= open_then
    # Known difference for a day ahead (closing note, stop 18): the engines read sessions
    # differently and may differ in a service or two; they must agree on the rest.
    assert len(on_cluster ^ on_embedded) <= 2


def hits(clause: dict) -> set[str]:
    body = {"query": clause, "size": 100, "_source": ["slug"]}
    answer = elastic.client().search(elastic.alias_name(), body)
    return {hit["_source"]["slug"] for hit in answer["hits"]["hits"]}


def test_the_wijk_preference_also_counts_a_place_in_the_wijk(demo_cluster):
    ((clause, weight),) = bodies.preference_filters(SearchParams(prefer_wijken=("thamerdal",)))
    assert weight > 1
    assert "buurtkamer-thamerdal" in hits(clause)  # meant for everyone, with a place there


@pytest.mark.parametrize("q", ["koffie drinken met buren in Meerwijk", "hulp voor ouderen"])
def test_api_answers_from_the_cluster_with_the_same_first_result(demo_cluster, client, q):
    body = api(client, q=q)
    assert body["engine"] == demo_cluster.product
    with override_settings(OPENSEARCH_URL="", ELASTICSEARCH_URL=""):
        own = api(client, q=q)
    assert slugs(body)[0] in slugs(own)[:3]
