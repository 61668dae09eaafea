"""The Elasticsearch engine: client, index names, rebuild with alias swap, bulk writes, search.

Names come from settings: the alias ``<SEARCH_INDEX_PREFIX>-services`` always points at one
concrete index ``<alias>-<timestamp>``. A rebuild fills a new concrete index and then moves
the alias in one atomic ``update_aliases`` call, so searches never see a half-built index.

Nothing here catches errors: ``search.query`` decides what happens when the cluster fails.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import urllib3
from django.conf import settings
from django.utils import timezone
from elastic_transport import Urllib3HttpNode
from elastic_transport.client_utils import DEFAULT
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch_dsl import Index

from search import results, synonyms
from search.record import ServiceRecord
from search.types import SearchParams, SearchResult

from . import analyzers, bodies
from .documents import ServiceDocument, document


class _Node(Urllib3HttpNode):
    """Waits at most ``connect_timeout`` for a connection, then the read timeout for answers."""

    connect_timeout = 0.5

    def perform_request(self, *args, request_timeout=DEFAULT, **kwargs):
        if isinstance(request_timeout, int | float):
            connect = min(self.connect_timeout, request_timeout)
            request_timeout = urllib3.Timeout(connect=connect, read=request_timeout)
        return super().perform_request(*args, request_timeout=request_timeout, **kwargs)


@functools.lru_cache(maxsize=4)
def _client(url: str, timeout: float, connect_timeout: float) -> Elasticsearch:
    node = type("Node", (_Node,), {"connect_timeout": connect_timeout})
    return Elasticsearch(
        url, request_timeout=timeout, max_retries=0, retry_on_timeout=False, node_class=node
    )


def client() -> Elasticsearch:
    return _client(
        settings.ELASTICSEARCH_URL,
        settings.ELASTICSEARCH_TIMEOUT,
        settings.ELASTICSEARCH_CONNECT_TIMEOUT,
    )


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
    return [
        {"id": f"rule-{number}", "synonyms": rule.solr(keep_original=True)}
        for number, rule in enumerate(synonyms.all_rules(), start=1)
    ]


def push_synonyms(es: Elasticsearch | None = None) -> None:
    """Store the synonym set; Elasticsearch reloads the search analyzers that use it."""
    (es or client()).synonyms.put_synonym(
        id=analyzers.synonym_set_name(), synonyms_set=synonym_rules()
    )


def current_indices(es: Elasticsearch) -> list[str]:
    try:
        return sorted(es.indices.get_alias(name=alias_name()).body)
    except NotFoundError:
        return []


def rebuild(records: list[ServiceRecord]) -> str:
    """Fill a new index, point the alias at it, drop the old ones. Returns the new name."""
    es = client()
    push_synonyms(es)
    name = new_index_name()
    body = index_body(name)
    es.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
    helpers.bulk(es, bulk_actions(records, name), refresh=True)
    old = current_indices(es)
    actions = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
    actions.append({"add": {"index": name, "alias": alias_name()}})
    es.indices.update_aliases(actions=actions)
    for index in old:
        es.indices.delete(index=index)
    return name


def index_records(records: list[ServiceRecord]) -> None:
    helpers.bulk(client(), bulk_actions(records, alias_name()), refresh="wait_for")


def delete_pages(page_ids: list[int]) -> None:
    actions = [
        {"_op_type": "delete", "_index": alias_name(), "_id": str(page_id)} for page_id in page_ids
    ]
    helpers.bulk(client(), actions, raise_on_error=False, refresh="wait_for")


# --------------------------------------------------------------------------- reading


def search(params: SearchParams) -> SearchResult:
    """Results, facets and did-you-mean, all from the cluster (nothing of the embedded one)."""
    now = results.now_for(params)
    body = bodies.build_search(params, now)
    response = client().search(index=alias_name(), **body).body
    return bodies.parse_response(response, params, now, results.labels())


def did_you_mean(q: str) -> str | None:
    """The question with misspelt words corrected by the cluster's term suggester, or None."""
    if not q.strip():
        return None
    suggest = bodies.build_search(SearchParams(q=q), timezone.now())["suggest"]
    response = client().search(index=alias_name(), size=0, suggest=suggest).body
    return bodies.did_you_mean(q, response)


# The protocol of search.engines.SearchEngine.
index = index_records
remove = delete_pages


def suggest(prefix: str, limit: int) -> list[str]:
    if len(prefix.strip()) < 2:
        return []
    response = client().search(index=alias_name(), **bodies.build_suggest(prefix, limit)).body
    options = response["suggest"]["services"][0]["options"]
    return list(dict.fromkeys(option["text"] for option in options))[:limit]
