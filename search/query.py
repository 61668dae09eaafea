"""The one search interface: views, the JSON API and the map call only ``run`` and ``suggest``.

The engine follows the settings: the cluster engine when ``OPENSEARCH_URL`` (OpenSearch) or
``ELASTICSEARCH_URL`` (Elasticsearch) is set, otherwise the embedded engine. When the cluster
is unreachable or fails in any way, the embedded engine answers instead; that fallback lives
here and nowhere else, and it is logged. After a failure a circuit breaker skips the cluster
for ``ELASTICSEARCH_RETRY_AFTER`` seconds (either product). The result says which engine
answered.

Before any engine sees the question, ``understanding`` reads place, time and person words
from it (they become preferences), and a question that is arranged outside this site
("paspoort verlengen") gets no services but a pointer (``elsewhere``).
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import connections

from . import analysis, demand, freshness, lexicon, querylog, results, understanding
from .breaker import CircuitBreaker
from .elsewhere import matching as elsewhere
from .elsewhere.result import elsewhere_result
from .engines.cluster import transport
from .engines.embedded import engine as embedded
from .engines.embedded import snapshot
from .types import Engine, SearchParams, SearchResult

log = logging.getLogger(__name__)
FALLBACK = "the embedded engine answers instead"
# After a failure the cluster is skipped for a while (no worker waits on a hung cluster).
# Its name in the log is the configured product's ("OpenSearch" or "Elasticsearch").
cluster = CircuitBreaker(
    transport.label, retry_after=settings.ELASTICSEARCH_RETRY_AFTER, logger=log
)


def configured_engine() -> Engine:
    """The engine the settings ask for: the cluster product that is configured, or embedded."""
    product = transport.configured_product()
    return Engine(product) if product else Engine.EMBEDDED


def run(params: SearchParams, *, record: bool = True) -> SearchResult:
    """Search services. Never raises because of the engine: a resident never sees an error."""
    with freshness.one_read():  # the caches' checks: one statement for the whole search
        return _run(params, record=record)


def _run(params: SearchParams, *, record: bool) -> SearchResult:
    understood = understanding.understand(params)
    topic = elsewhere.match(params.q, understood.rest, _known_word) if params.q else None
    if topic is not None:
        result = elsewhere_result(params, topic, configured_engine())
    else:
        result = _engine_search(understood.apply(params))
        result.query = params.q
        if result.suggestion:
            result.suggestion = _whole_suggestion(params.q, understood.rest, result.suggestion)
    result.understood = understood.to_dict()
    result.results = results.organisations_in_language(result.results)
    if record:
        querylog.record(params, result)
        demand.record(params, result)
    return result


def _engine_search(params: SearchParams) -> SearchResult:
    result = None
    if configured_engine() != Engine.EMBEDDED and cluster.allow():
        from .engines.cluster import engine as elastic

        try:
            result = elastic.search(params)
            cluster.success()
        except Exception as error:  # any failure means: answer embedded
            cluster.failure(error, FALLBACK)
    if result is None:
        result = embedded.search(params)
    return result


def warm_up() -> None:
    """Fill this process's search caches before it takes requests (gunicorn's
    ``post_worker_init``, deploy/gunicorn.conf.py): the index snapshot, the dense arrays, the
    lemmatiser and the vocabularies, by asking one question and one suggestion as a resident
    would. Otherwise every new worker, also one recycled after ``max_requests``, makes the
    resident of its first search wait for them (about 3 s at 20,000 services). Never raises:
    a worker that cannot warm up (the database down) still starts, and says so."""
    started = time.perf_counter()
    try:
        result = run(SearchParams(q=WARM_UP_QUESTION), record=False)
        suggest(WARM_UP_QUESTION[:3])
        loaded = snapshot.current()
    except Exception as error:  # the first request will try again
        log.warning("Search not warmed up (%s: %s)", type(error).__name__, error)
        return
    finally:
        connections.close_all()  # this thread's; the worker's own threads have theirs
    seconds = time.perf_counter() - started
    log.info(
        "Search ready in this process: %d services in %.1f s (%s, snapshot from the %s)",
        len(loaded.docs),
        seconds,
        result.engine,
        loaded.source,
        extra={"services": len(loaded.docs), "seconds": round(seconds, 2), "source": loaded.source},
    )


WARM_UP_QUESTION = "hulp bij geldzaken"


def _known_word(word: str) -> bool:
    """Whether the services' index knows the word (in any of its forms)."""
    df = snapshot.current().df
    return any(analysis.stem(form) in df for form in (word, lexicon.lemma(word)))


def _whole_suggestion(question: str, rest: str, corrected_rest: str) -> str:
    """ "Bedoelde u" for the whole question, also the words understanding had claimed."""
    fixes = {
        typed: better
        for typed, better in zip(analysis.words(rest), analysis.words(corrected_rest), strict=False)
        if typed != better
    }
    return " ".join(fixes.get(w, w) for w in analysis.words(question))


def suggest(prefix: str, limit: int = 8) -> list[str]:
    """Up to ``limit`` suggestions for what someone is typing."""
    limit = max(1, min(limit, 8))
    if configured_engine() != Engine.EMBEDDED and cluster.allow():
        from .engines.cluster import engine as elastic

        try:
            suggestions = elastic.suggest(prefix, limit)
            cluster.success()
            return suggestions
        except Exception as error:
            cluster.failure(error, FALLBACK)
    return embedded.suggest(prefix, limit)
