"""The one place where Elasticsearch 8 and OpenSearch 2 differ for our cluster engine.

``OPENSEARCH_URL`` selects OpenSearch (through opensearch-py), ``ELASTICSEARCH_URL`` selects
Elasticsearch 8 (through elasticsearch-py); setting both is refused at start-up. Mappings,
analysers, queries and bulk payloads are built once with elasticsearch-dsl (``to_dict()``) in
``engine`` and ``bodies`` and sent as the same JSON to either product. What differs lives here:

- **The client.** elasticsearch-py 8 sends compatibility headers (``Accept:
  application/vnd.elasticsearch+json; compatible-with=8``) and refuses a server that does not
  say it is Elasticsearch, so OpenSearch is reached through opensearch-py. The two libraries
  also differ in call style (keyword fields versus one ``body``) and in what they return
  (elasticsearch-py wraps the JSON in ``.body``); ``ClusterClient`` hides both.
- **Synonyms.** Elasticsearch keeps them in a synonyms set (``PUT _synonyms/<set>``); the
  search analyzer refers to it (``synonyms_set``) and reloads it by itself. OpenSearch 2 has
  no synonyms API: the same rules go inline into that filter of the index settings
  (``synonyms``), and a change re-creates the analyzers in place: close the index, put the
  new filter, open it again. That takes about a second on our index; searches in that second
  fail and the embedded engine answers (``search.query``). Neither needs a reindex.

Both clients wait at most ``ELASTICSEARCH_CONNECT_TIMEOUT`` for a connection and then the read
timeout (``ELASTICSEARCH_TIMEOUT`` for searches, ``ADMIN_TIMEOUT`` for writes) for the answer,
so a cluster that is down or has a full backlog costs half a second, not the whole read timeout.
"""

from __future__ import annotations

import functools
from enum import StrEnum

import urllib3
from django.conf import settings

ADMIN_TIMEOUT = 60  # seconds for writes and index changes; searches use ELASTICSEARCH_TIMEOUT


class Product(StrEnum):
    ELASTICSEARCH = "elasticsearch"
    OPENSEARCH = "opensearch"


LABELS = {Product.ELASTICSEARCH: "Elasticsearch", Product.OPENSEARCH: "OpenSearch"}


def configured_product() -> Product | None:
    if settings.OPENSEARCH_URL:
        return Product.OPENSEARCH
    if settings.ELASTICSEARCH_URL:
        return Product.ELASTICSEARCH
    return None


def label() -> str:
    """The configured product's name, for log lines and messages ("Elasticsearch" if none)."""
    return LABELS[configured_product() or Product.ELASTICSEARCH]


def client() -> ClusterClient:
    product = configured_product()
    if product is None:
        raise RuntimeError("No search cluster configured (OPENSEARCH_URL / ELASTICSEARCH_URL).")
    url = settings.OPENSEARCH_URL if product == Product.OPENSEARCH else settings.ELASTICSEARCH_URL
    return _client(
        product, url, settings.ELASTICSEARCH_TIMEOUT, settings.ELASTICSEARCH_CONNECT_TIMEOUT
    )


@functools.lru_cache(maxsize=4)
def _client(product: Product, url: str, timeout: float, connect_timeout: float) -> ClusterClient:
    if product == Product.OPENSEARCH:
        return OpenSearchClient(url, timeout, connect_timeout)
    return ElasticsearchClient(url, timeout, connect_timeout)


def _split(timeout, connect_timeout: float):
    """A read timeout in seconds as urllib3's connect/read pair (anything else unchanged)."""
    if isinstance(timeout, int | float) and not isinstance(timeout, bool):
        return urllib3.Timeout(connect=min(connect_timeout, timeout), read=timeout)
    return timeout


def _node_class(connect_timeout: float) -> type:
    """elasticsearch-py's connection with the connect timeout split off the read timeout."""
    from elastic_transport import Urllib3HttpNode
    from elastic_transport.client_utils import DEFAULT

    class Node(Urllib3HttpNode):
        def perform_request(self, *args, request_timeout=DEFAULT, **kwargs):
            request_timeout = _split(request_timeout, connect_timeout)
            return super().perform_request(*args, request_timeout=request_timeout, **kwargs)

    return Node


def _connection_class(connect_timeout: float) -> type:
    """opensearch-py's connection with the connect timeout split off the read timeout."""
    from opensearchpy import Urllib3HttpConnection

    class Connection(Urllib3HttpConnection):
        def perform_request(self, method, url, params=None, body=None, timeout=None, *a, **kw):
            timeout = _split(self.timeout if timeout is None else timeout, connect_timeout)
            return super().perform_request(method, url, params, body, timeout, *a, **kw)

    return Connection


def _inline_synonyms(body: dict, set_name: str, rules: list[dict]) -> dict:
    """A copy of an index body whose filters on ``set_name`` carry the rules inline."""
    analysis = body["settings"]["analysis"]
    filters = {}
    for name, definition in analysis["filter"].items():
        if definition.get("synonyms_set") == set_name:
            definition = {k: v for k, v in definition.items() if k != "synonyms_set"}
            definition["synonyms"] = [rule["synonyms"] for rule in rules]
        filters[name] = definition
    return {**body, "settings": {**body["settings"], "analysis": {**analysis, "filter": filters}}}


class ClusterClient:
    """The operations the cluster engine needs, the same for both products."""

    product: Product
    raw: object  # the library's own client, for tests and for what is not wrapped here

    def ping(self, timeout: float) -> bool:
        """Whether the cluster answers within ``timeout`` seconds (never raises)."""
        raise NotImplementedError

    def search(self, index: str, body: dict) -> dict:
        raise NotImplementedError

    def analyze(self, index: str, analyzer: str, text: str) -> list[str]:
        raise NotImplementedError

    def create_index(self, name: str, body: dict, set_name: str, rules: list[dict]) -> None:
        """Create an index from ``body``, its synonym filters fed with ``rules``."""
        raise NotImplementedError

    def update_synonyms(self, set_name: str, rules: list[dict], indices: list[str], body: dict):
        """Make ``rules`` the synonyms of ``indices`` (whose definition is ``body``)."""
        raise NotImplementedError

    def indices_behind(self, alias: str) -> list[str]:
        raise NotImplementedError

    def update_aliases(self, actions: list[dict]) -> None:
        raise NotImplementedError

    def delete_index(self, name: str) -> None:
        raise NotImplementedError

    def bulk(self, actions: list[dict], **options) -> None:
        raise NotImplementedError


class ElasticsearchClient(ClusterClient):
    product = Product.ELASTICSEARCH

    def __init__(self, url: str, timeout: float, connect_timeout: float):
        from elasticsearch import Elasticsearch

        self.raw = Elasticsearch(
            url,
            request_timeout=timeout,
            max_retries=0,
            retry_on_timeout=False,
            node_class=_node_class(connect_timeout),
        )
        self.admin = self.raw.options(request_timeout=ADMIN_TIMEOUT)

    def ping(self, timeout):
        return self.raw.options(request_timeout=timeout).ping()

    def search(self, index, body):
        return self.raw.search(index=index, **body).body

    def analyze(self, index, analyzer, text):
        response = self.raw.indices.analyze(index=index, analyzer=analyzer, text=text)
        return [token["token"] for token in response.body["tokens"]]

    def _put_set(self, set_name, rules):
        self.admin.synonyms.put_synonym(id=set_name, synonyms_set=rules)

    def create_index(self, name, body, set_name, rules):
        self._put_set(set_name, rules)  # the set must exist before an index refers to it
        self.admin.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])

    def update_synonyms(self, set_name, rules, indices, body):
        self._put_set(set_name, rules)  # Elasticsearch reloads the analyzers that use it

    def indices_behind(self, alias):
        from elasticsearch import NotFoundError

        try:
            return sorted(self.raw.indices.get_alias(name=alias).body)
        except NotFoundError:
            return []

    def update_aliases(self, actions):
        self.admin.indices.update_aliases(actions=actions)

    def delete_index(self, name):
        self.admin.indices.delete(index=name, ignore_unavailable=True)

    def bulk(self, actions, **options):
        from elasticsearch import helpers

        helpers.bulk(self.admin, actions, **options)


class OpenSearchClient(ClusterClient):
    product = Product.OPENSEARCH

    def __init__(self, url: str, timeout: float, connect_timeout: float):
        from opensearchpy import OpenSearch

        self.raw = OpenSearch(
            url,
            timeout=timeout,
            max_retries=0,
            retry_on_timeout=False,
            connection_class=_connection_class(connect_timeout),
        )
        self.admin = {"request_timeout": ADMIN_TIMEOUT}

    def ping(self, timeout):
        return self.raw.ping(request_timeout=timeout)

    def search(self, index, body):
        return self.raw.search(index=index, body=body)

    def analyze(self, index, analyzer, text):
        response = self.raw.indices.analyze(index=index, body={"analyzer": analyzer, "text": text})
        return [token["token"] for token in response["tokens"]]

    def create_index(self, name, body, set_name, rules):
        self.raw.indices.create(
            index=name, body=_inline_synonyms(body, set_name, rules), **self.admin
        )

    def update_synonyms(self, set_name, rules, indices, body):
        filters = _inline_synonyms(body, set_name, rules)["settings"]["analysis"]["filter"]
        changed = {
            name: definition
            for name, definition in filters.items()
            if body["settings"]["analysis"]["filter"][name].get("synonyms_set") == set_name
        }
        for index in indices:
            self.raw.indices.close(index=index, **self.admin)
            try:
                self.raw.indices.put_settings(
                    index=index, body={"analysis": {"filter": changed}}, **self.admin
                )
            finally:
                self.raw.indices.open(index=index, **self.admin)
                self.raw.cluster.health(
                    index=index, wait_for_status="yellow", timeout="30s", **self.admin
                )

    def indices_behind(self, alias):
        from opensearchpy import NotFoundError

        try:
            return sorted(self.raw.indices.get_alias(name=alias))
        except NotFoundError:
            return []

    def update_aliases(self, actions):
        self.raw.indices.update_aliases(body={"actions": actions}, **self.admin)

    def delete_index(self, name):
        self.raw.indices.delete(index=name, ignore_unavailable=True, **self.admin)

    def bulk(self, actions, **options):
        from opensearchpy import helpers

        helpers.bulk(self.raw, actions, **self.admin, **options)
