"""The cluster engine (Elasticsearch 8 or OpenSearch 2): index names, rebuild with alias swap,
bulk writes, search. The client and the few differences between the two products are in
``transport`` (this package).

Names come from settings: the alias ``<SEARCH_INDEX_PREFIX>-services`` always points at one
concrete index ``<alias>-<timestamp>``. A rebuild fills a new concrete index and then moves
the alias in one atomic ``update_aliases`` call, so searches never see a half-built index.

Nothing here catches errors: ``search.query`` decides what happens when the cluster fails.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from elasticsearch_dsl import Index

from search import results, synonyms
from search.record import ServiceRecord
from search.types import Engine, SearchParams, SearchResult

from . import analyzers, bodies, transport
from .documents import ServiceDocument, document
from .transport import ClusterClient


def client() -> ClusterClient:
    return transport.client()


def alias_name() -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}-services"


def new_index_name(now=None) -> str:
    return f"{alias_name()}-{(now or timezone.now()).strftime('%Y%m%d%H%M%S%f')}"


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, max_result_window=10_000)
    for definition in (
        analyzers.index_analyzer(),
        analyzers.search_analyzer(),
        analyzers.suggest_analyzer(),
        analyzers.spelling_analyzer(),
        analyzers.english_analyzer(),
    ):
        index.analyzer(definition)
    index.document(ServiceDocument)
    return index


def index_body(name: str) -> dict:
    """Settings and mappings of a new index (pinned in tests)."""
    return index_definition(name).to_dict()


# --------------------------------------------------------------------------- writing


def bulk_actions(records: Iterable[ServiceRecord], index: str, now=None) -> list[dict]:
    """The bulk payload: one index action per service, made from public fields only."""
    actions = []
    for record in records:
        actions.append(
            {
                "_op_type": "index",
                "_index": index,
                "_id": str(record.page_id),
                "_source": document(record, now=now).to_dict(skip_empty=False),
            }
        )
    return actions


def synonym_rules() -> list[dict]:
    """The vocabulary as Solr rules. A one-way rule becomes one rule per word typed, each
    keeping that word: "huur, beslag => schulden" gives "huur => huur, schulden" and
    "beslag => beslag, schulden", as the embedded engine expands it (not "huur" to "beslag")."""
    lines = []
    for rule in synonyms.all_rules():
        if not rule.rhs:
            lines.append(rule.solr())
            continue
        lines += [f"{p} => {', '.join(dict.fromkeys((p, *rule.rhs)))}" for p in rule.lhs]
    return [
        {"id": f"rule-{number}", "synonyms": line} for number, line in enumerate(lines, start=1)
    ]


def push_synonyms(es: ClusterClient | None = None) -> None:
    """Give the live index the current synonyms; no reindex (see transport)."""
    es = es or client()
    es.update_synonyms(
        analyzers.synonym_set_name(),
        synonym_rules(),
        current_indices(es),
        index_body(alias_name()),
    )


def current_indices(es: ClusterClient) -> list[str]:
    return es.indices_behind(alias_name())


def rebuild(records: list[ServiceRecord]) -> str:
    """Fill a new index, point the alias at it, drop the old ones. Returns the new name."""
    es = client()
    name = new_index_name()
    es.create_index(name, index_body(name), analyzers.synonym_set_name(), synonym_rules())
    es.bulk(bulk_actions(records, name), refresh=True)
    old = current_indices(es)
    actions = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
    actions.append({"add": {"index": name, "alias": alias_name()}})
    es.update_aliases(actions)
    for index in old:
        es.delete_index(index)
    return name


def index_records(records: list[ServiceRecord]) -> None:
    client().bulk(bulk_actions(records, alias_name()), refresh="wait_for")


def delete_pages(page_ids: list[int]) -> None:
    actions = [
        {"_op_type": "delete", "_index": alias_name(), "_id": str(page_id)} for page_id in page_ids
    ]
    client().bulk(actions, raise_on_error=False, refresh="wait_for")


# --------------------------------------------------------------------------- reading


def search(params: SearchParams) -> SearchResult:
    """Results, facets and did-you-mean, all from the cluster (nothing of the embedded one)."""
    now = results.now_for(params)
    es = client()
    response = es.search(alias_name(), bodies.build_search(params, now))
    corrected = bodies.did_you_mean(params.q, response)
    if corrected:  # as the embedded engine: the correction joins as a lower-weighted clause
        response = es.search(alias_name(), bodies.build_search(params, now, corrected))
    result = bodies.parse_response(response, params, now, results.labels())
    result.engine = Engine(es.product)
    result.suggestion = corrected
    return result


def did_you_mean(q: str) -> str | None:
    """The question with misspelt words corrected by the cluster's term suggester, or None."""
    if not q.strip():
        return None
    body = {"size": 0, "suggest": bodies.build_search(SearchParams(q=q), timezone.now())["suggest"]}
    return bodies.did_you_mean(q, client().search(alias_name(), body))


# The protocol of search.engines.SearchEngine.
index = index_records
remove = delete_pages


def suggest(prefix: str, limit: int) -> list[str]:
    if len(prefix.strip()) < 2:
        return []
    response = client().search(alias_name(), bodies.build_suggest(prefix, limit))
    options = response["suggest"]["services"][0]["options"]
    return list(dict.fromkeys(_whole_phrase(option) for option in options))[:limit]


def _whole_phrase(option: dict) -> str:
    """The title or phrase whose tail matched ("sch" matches "... schulden" by its tail)."""
    text, source = option["text"], option.get("_source") or {}
    for phrase in [source.get("title", ""), *source.get("helps_with", [])]:
        if phrase.endswith(text):
            return phrase
    return text
