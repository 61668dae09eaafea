"""The one search interface: views, the JSON API and the map call only ``run`` and ``suggest``.

The engine follows the settings: Elasticsearch when ``ELASTICSEARCH_URL`` is set, otherwise
the embedded engine. When Elasticsearch is unreachable or fails in any way, the embedded
engine answers instead; that fallback lives here and nowhere else, and it is logged. The
result says which engine answered.
"""

from __future__ import annotations

import logging

from django.conf import settings

from . import embedded, querylog
from .breaker import CircuitBreaker
from .types import Engine, SearchParams, SearchResult

log = logging.getLogger(__name__)
FALLBACK = "the embedded engine answers instead"
# After a failure the cluster is skipped for a while (no worker waits on a hung cluster).
cluster = CircuitBreaker(
    "Elasticsearch", retry_after=settings.ELASTICSEARCH_RETRY_AFTER, logger=log
)


def configured_engine() -> Engine:
    return Engine.ELASTICSEARCH if settings.ELASTICSEARCH_URL else Engine.EMBEDDED


def run(params: SearchParams, *, record: bool = True) -> SearchResult:
    """Search services. Never raises because of the engine: a resident never sees an error."""
    result = None
    if configured_engine() == Engine.ELASTICSEARCH and cluster.allow():
        from . import elastic

        try:
            result = elastic.search(params)
            cluster.success()
        except Exception as error:  # any failure means: answer embedded
            cluster.failure(error, FALLBACK)
    if result is None:
        result = embedded.search(params)
    if record:
        querylog.record(params, result)
    return result


def suggest(prefix: str, limit: int = 8) -> list[str]:
    """Up to ``limit`` suggestions for what someone is typing."""
    limit = max(1, min(limit, 8))
    if configured_engine() == Engine.ELASTICSEARCH and cluster.allow():
        from . import elastic

        try:
            suggestions = elastic.suggest(prefix, limit)
            cluster.success()
            return suggestions
        except Exception as error:
            cluster.failure(error, FALLBACK)
    return embedded.suggest(prefix, limit)
