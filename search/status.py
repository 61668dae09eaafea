"""How the search engines are doing, for the health endpoint (no search is run)."""

from __future__ import annotations

from django.conf import settings

from .models import SearchEntry
from .query import cluster, configured_engine
from .types import Engine

PING_TIMEOUT = 1.0


def engine_status() -> dict:
    """``ok`` is False only when residents get no search at all (the embedded index is the
    fallback of the cluster, so a cluster outage alone is reported but still ``ok``)."""
    entries = SearchEntry.objects.count()
    status: dict = {
        "ok": entries > 0,
        "configured": str(configured_engine()),
        "embedded_entries": entries,
    }
    product = configured_engine()
    if product != Engine.EMBEDDED:  # "elasticsearch" or "opensearch": up or down
        if cluster.is_open:
            reachable = False  # skipped after a failure; the breaker probes it again itself
        else:
            from .engines.cluster import engine as elastic

            reachable = elastic.client().ping(PING_TIMEOUT)
        status[str(product)] = "up" if reachable else "down"
        status["answering"] = str(product) if reachable else "embedded"
        status["index"] = settings.SEARCH_INDEX_PREFIX
    else:
        status["answering"] = "embedded"
    return status
