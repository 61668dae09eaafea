"""The one search interface: views, the JSON API and the map call only ``run`` and ``suggest``.

The engine follows the settings: the cluster engine when ``OPENSEARCH_URL`` (OpenSearch) or
``ELASTICSEARCH_URL`` (Elasticsearch) is set, otherwise the embedded engine. When the cluster
is unreachable or fails in any way, the embedded
engine answers instead; that fallback lives here and nowhere else, and it is logged. The
result says which engine answered.
"""

from __future__ import annotations

import logging

from . import cluster_transport, embedded, querylog
from .types import Engine, SearchParams, SearchResult

log = logging.getLogger(__name__)


def configured_engine() -> Engine:
    product = cluster_transport.configured_product()
    return Engine(product) if product else Engine.EMBEDDED


def run(params: SearchParams, *, record: bool = True) -> SearchResult:
    """Search services. Never raises because of the engine: a resident never sees an error."""
    result = None
    if configured_engine() != Engine.EMBEDDED:
        from . import elastic

        try:
            result = elastic.search(params)
        except Exception as error:  # any failure means: answer embedded
            log.warning(
                "%s failed (%s: %s); the embedded engine answers instead.",
                cluster_transport.label(),
                type(error).__name__,
                error,
            )
    if result is None:
        result = embedded.search(params)
    if record:
        querylog.record(params, result)
    return result


def suggest(prefix: str, limit: int = 8) -> list[str]:
    """Up to ``limit`` suggestions for what someone is typing."""
    limit = max(1, min(limit, 8))
    if configured_engine() != Engine.EMBEDDED:
        from . import elastic

        try:
            return elastic.suggest(prefix, limit)
        except Exception as error:
            log.warning(
                "%s suggestions failed (%s: %s); using the embedded engine.",
                cluster_transport.label(),
                type(error).__name__,
                error,
            )
    return embedded.suggest(prefix, limit)
