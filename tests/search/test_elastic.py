"""Elasticsearch without a cluster: pinned mapping, query bodies, bulk payloads, fallback.

Change a pinned file on purpose with UPDATE_PINNED=1 and review the diff.
"""

import datetime
import logging

import pytest
from django.core.management import CommandError, call_command

from places.geo import Point
from search import query
from search.engines.cluster import bodies as es_query
from search.engines.cluster import engine as elastic
from search.engines.cluster import transport as cluster_transport
from search.record import ServiceRecord, build_record
from search.types import SearchParams, Sort
from tests.search.helpers import pinned

NOW = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
CLOSED_PORT = "http://127.0.0.1:9"
PUBLIC_FIELDS = {
    "page_id", "slug", "title", "summary", "helps_with", "body", "extra", "suggest", "url",
    "organisation", "themes", "target_groups", "wijken", "places", "locations", "cost",
    "at_home", "by_phone_or_online", "comes_to_you", "only_comes_to_you", "schedule",
    "sessions", "place_wijken", "overdue_from", "languages", "spelling", "contact",
    "title_en", "summary_en", "url_en", "helps_with_en", "body_en",
}  # fmt: skip


def test_index_mapping_and_analyzers_are_pinned():
    body = elastic.index_body("sociale-kaart-test-services-pinned")
    assert body == pinned("es_index.json", body)
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["nl_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["nl_synonyms"]["synonyms_set"] == "sociale-kaart-test-synonyms"
    assert analysis["filter"]["nl_synonyms"]["updateable"] is True
    assert body["mappings"]["properties"]["locations"] == {"type": "geo_point"}
    assert body["mappings"]["properties"]["suggest"]["type"] == "completion"


def test_names_come_from_settings(settings):
    settings.SEARCH_INDEX_PREFIX = "gemeente-acc"
    assert elastic.alias_name() == "gemeente-acc-services"
    assert elastic.new_index_name(NOW) == "gemeente-acc-services-20261123100000000000"


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("es_query_text.json", SearchParams(q="ik kan de huur niet betalen")),
        (
            "es_query_filters_distance.json",
            SearchParams(
                q="schulden",
                themes=("geld",),
                costs=("free",),
                open_now=True,
                origin=Point(52.2365, 4.8325),
                page=2,
            ),
        ),
        (
            "es_query_sorted_by_distance.json",
            SearchParams(q="", origin=Point(52.2365, 4.8325), sort=Sort.DISTANCE),
        ),
    ],
)
def test_query_bodies_are_pinned(name, params):
    body = es_query.build_search(params, NOW)
    assert body == pinned(name, body)


def test_user_text_only_reaches_multi_match_never_query_string():
    nasty = 'schuld* OR title:(x) AND "y" ^2 NEAR/3 {z}'
    body = es_query.build_search(SearchParams(q=nasty), NOW)
    text = str(body)
    assert "query_string" not in text and "simple_query_string" not in text
    clauses = body["query"]["function_score"]["query"]["bool"]["should"]
    assert {c["multi_match"]["query"] for c in clauses} == {nasty}


def test_suggest_body():
    assert es_query.build_suggest("sch", 8)["suggest"]["services"]["completion"]["size"] == 8


def _record(**overrides):
    values = {
        "page_id": 7,
        "slug": "schuldhulpverlening",
        "title": "Hulp bij schulden",
        "summary": "Wij helpen.",
        "url": "/voorzieningen/schuldhulpverlening/",
        "organisation": {"slug": "gemeente-uithoorn", "name": "Gemeente Uithoorn"},
        "themes": [{"slug": "geld", "name": "Geld en schulden"}],
        "target_groups": [],
        "wijken": [{"slug": "thamerdal", "name": "Thamerdal"}],
        "places": [{"name": "De Kuyper", "lat": 52.24, "lon": 4.83, "wijk": "thamerdal"}],
        "cost": "free",
        "at_home": True,
        "by_phone_or_online": False,
        "helps_with": ["ik heb schulden"],
        "body": "Uitleg.",
        "schedule": {
            "closed_on_public_holidays": True,
            "rules": [
                {
                    "weekday": 0,
                    "start": "09:00:00",
                    "end": "12:00:00",
                    "frequency": "weekly",
                    "interval": 1,
                    "week_of_month": None,
                    "valid_from": None,
                    "valid_until": None,
                    "place": "De Kuyper",
                }
            ],
            "exceptions": [],
        },
        "overdue_from": datetime.date(2028, 1, 1),
        "languages": ["nl", "ar"],
    }
    values.update(overrides)
    return ServiceRecord(**values)


def test_bulk_payload_is_pinned():
    actions = elastic.bulk_actions([_record()], "sociale-kaart-test-services-x", now=NOW)
    for action in actions:  # the session list is long; pin its first and last day
        sessions = action["_source"]["sessions"]
        action["_source"]["sessions"] = [sessions[0], sessions[-1], len(sessions)]
    assert actions == pinned("es_bulk.json", actions)


@pytest.mark.django_db
def test_bulk_payload_holds_only_public_fields(build):
    page = build.service(
        "shv",
        "Hulp bij schulden",
        referral_route="GEHEIM-VERWIJSROUTE",
        intake_criteria="GEHEIME-INTAKE",
        legal_framework="wgs",
        contact_person_name="Geheime Contactpersoon",
        contact_person_phone="0297 000 099",
        contact_person_email="geheim@example.org",
    )
    (action,) = elastic.bulk_actions([build_record(page)], "x", now=NOW)
    assert set(action["_source"]) == PUBLIC_FIELDS
    text = str(action)
    for secret in ("GEHEIM", "Geheime", "geheim@", "0297 000 099", "wgs"):
        assert secret not in text


@pytest.mark.django_db
def test_synonym_rules_keep_the_words_typed():
    rules = [r["synonyms"] for r in elastic.synonym_rules()]
    huur = [r for r in rules if r.startswith("huur =>")]
    assert len(huur) == 1 and huur[0].startswith("huur => huur, schulden")
    assert "deurwaarder" not in huur[0]  # a word typed is not a synonym of its neighbours
    assert "schulden, schuld, geldschulden" in rules  # two-way rules stay as they are


@pytest.mark.django_db
def test_an_unreachable_cluster_falls_back_to_the_embedded_engine(settings, build, caplog):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    build.service("shv", "Hulp bij schulden")
    with caplog.at_level(logging.WARNING, logger="search"):
        result = query.run(SearchParams(q="schulden"), record=False)
        suggestions = query.suggest("sch")
    assert result.engine == "embedded" and [r.slug for r in result.results] == ["shv"]
    assert "schulden" in suggestions
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("search")]
    # One warning for the outage: the suggestions that follow skip the cluster silently.
    assert len(messages) == 1
    assert "Elasticsearch failed" in messages[0] and "embedded engine answers" in messages[0]


@pytest.mark.django_db
def test_the_api_reports_the_engine_that_answered(settings, client, build):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    build.service("shv", "Hulp bij schulden")
    body = client.get("/api/zoeken/", {"q": "schulden"}).json()
    assert body["engine"] == "embedded" and body["count"] == 1


@pytest.mark.django_db
def test_publishing_works_while_the_cluster_is_down(
    settings, build, caplog, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        build.service("shv", "Hulp bij schulden")
    assert any("Elasticsearch index not updated" in r.getMessage() for r in caplog.records)
    assert [r.slug for r in query.run(SearchParams(q="schuld"), record=False).results] == ["shv"]


@pytest.mark.django_db
def test_rebuild_command(settings, build, capsys):
    build.service("shv", "Hulp bij schulden")
    call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "Embedded index: 1 services" in out and "not configured" in out

    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with pytest.raises(CommandError, match="Elasticsearch index not rebuilt"):
        call_command("rebuild_search_index")
    assert "Embedded index: 1 services" in capsys.readouterr().out
    call_command("rebuild_search_index", embedded_only=True)


@pytest.mark.django_db
def test_opensearch_gets_the_same_body_with_the_synonym_rules_inline():
    body = elastic.index_body("sociale-kaart-test-services-x")
    rules = elastic.synonym_rules()
    inline = cluster_transport._inline_synonyms(body, "sociale-kaart-test-synonyms", rules)
    synonym_filter = inline["settings"]["analysis"]["filter"]["nl_synonyms"]
    assert "synonyms_set" not in synonym_filter
    assert synonym_filter["synonyms"] == [r["synonyms"] for r in rules]
    assert synonym_filter["type"] == "synonym_graph" and synonym_filter["updateable"] is True
    # everything else is the pinned Elasticsearch body, untouched
    assert inline["mappings"] == body["mappings"]
    for name, definition in body["settings"]["analysis"]["filter"].items():
        if name != "nl_synonyms":
            assert inline["settings"]["analysis"]["filter"][name] == definition
    assert body["settings"]["analysis"]["filter"]["nl_synonyms"]["synonyms_set"]


@pytest.mark.django_db
def test_an_unreachable_opensearch_falls_back_and_says_so(settings, client, build, caplog):
    settings.OPENSEARCH_URL = CLOSED_PORT
    build.service("shv", "Hulp bij schulden")
    assert query.configured_engine() == "opensearch"
    with caplog.at_level(logging.WARNING, logger="search"):
        body = client.get("/api/zoeken/", {"q": "schulden"}).json()
    assert body["engine"] == "embedded" and body["count"] == 1
    assert any("OpenSearch failed" in r.getMessage() for r in caplog.records)
