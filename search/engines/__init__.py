"""Search engines: peers behind one small protocol, each in its own package.

* ``embedded``: our own index table in the site's database, ranking in Python.
* ``cluster``: Elasticsearch 8 (bodies built with elasticsearch-dsl).

Neither imports the other (an import-linter contract checks it); both take records from
``search.record`` and give back ``search.types`` results. ``search.query`` chooses one and
falls back; ``search.indexing`` writes to both.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from search.record import ServiceRecord
from search.types import SearchParams, SearchResult


class SearchEngine(Protocol):
    """What ``search.query`` and ``search.indexing`` need of an engine module."""

    def index(self, records: Iterable[ServiceRecord]) -> None: ...

    def remove(self, page_ids: Iterable[int]) -> object: ...

    def rebuild(self, records: list[ServiceRecord]) -> object: ...

    def search(self, params: SearchParams) -> SearchResult: ...

    def suggest(self, prefix: str, limit: int) -> list[str]: ...

    def did_you_mean(self, q: str) -> str | None: ...
