"""The answer to a question that is arranged elsewhere: no services, one clear pointer."""

from __future__ import annotations

from ..types import FACETS, Engine, SearchParams, SearchResult


def elsewhere_result(params: SearchParams, topic: dict, engine: Engine) -> SearchResult:
    return SearchResult(
        query=params.q,
        count=0,
        engine=engine,
        results=[],
        facets={name: [] for name in FACETS},
        open_now_count=0,
        open_now_selected=params.open_now,
        page=params.page,
        page_size=params.page_size,
        elsewhere=topic,
    )
