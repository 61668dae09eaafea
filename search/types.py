"""Typed questions and answers of the search interface, the same for every engine."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from places.geo import Point

PAGE_SIZE = 10
# Filter and facet name (query parameter) -> SearchParams attribute; one per facet of the
# FIELDS table in search.record (tests/search/test_record.py keeps the two in step).
FILTERS = {
    "thema": "themes",
    "doelgroep": "target_groups",
    "wijk": "wijken",
    "kosten": "costs",
    "taal": "languages",
}
FACETS = tuple(FILTERS)


class Sort(StrEnum):
    RELEVANCE = "relevantie"
    DISTANCE = "afstand"


class Engine(StrEnum):
    EMBEDDED = "embedded"
    ELASTICSEARCH = "elasticsearch"
    OPENSEARCH = "opensearch"


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    themes: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    wijken: tuple[str, ...] = ()
    costs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # ISO 639-1 codes
    open_now: bool = False
    origin: Point | None = None
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    page_size: int = PAGE_SIZE
    now: datetime.datetime | None = None  # "now" for open-now; tests pin it
    # Added by query understanding (search.understanding): preferences, never filters.
    prefer_groups: tuple[str, ...] = ()
    prefer_wijken: tuple[str, ...] = ()
    prefer_windows: tuple[tuple[datetime.datetime, datetime.datetime], ...] = ()
    ignore: tuple[str, ...] = ()  # parts of the understanding the visitor undid
    lang: str = "nl"  # the language of the question and of the texts shown ("nl", "en")

    def filters(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, attribute) for name, attribute in FILTERS.items()}

    @property
    def has_filters(self) -> bool:
        return self.open_now or any(self.filters().values())


@dataclass(frozen=True)
class NextSession:
    start: datetime.datetime
    end: datetime.datetime
    place: str
    extra: bool

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "place": self.place,
            "extra": self.extra,
        }


@dataclass(frozen=True)
class ResultItem:
    slug: str
    title: str
    summary: str
    url: str
    organisation: dict | None
    themes: list[dict]
    distance_m: int | None
    open_now: bool
    next_session: NextSession | None
    # For the results page; not part of the JSON contract.
    places: list[str] = field(default_factory=list)
    at_home: bool = False
    by_phone_or_online: bool = False
    has_schedule: bool = False
    score: float = 0.0
    opening: str = ""  # "Nu open tot 12:30", "Gesloten · opent morgen om 09:00"
    contact: dict = field(default_factory=dict)  # public phone, email, website (only if given)
    # Public place data (name, address, town, lat, lon, …), the nearest first when a place
    # was given: the map and the action row need nothing else (no second query).
    locations: list[dict] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # ISO 639-1 codes
    target_groups: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "url": self.url,
            "organisation": self.organisation,
            "themes": self.themes,
            "distance_m": self.distance_m,
            "open_now": self.open_now,
            "next_session": self.next_session.to_dict() if self.next_session else None,
        }


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    query: str
    count: int
    engine: Engine
    results: list[ResultItem]
    facets: dict[str, list[FacetValue]]
    open_now_count: int
    open_now_selected: bool = False
    suggestion: str | None = None
    page: int = 1
    page_size: int = PAGE_SIZE
    warnings: list[dict] = field(default_factory=list)
    understood: dict | None = None  # what query understanding read in the question
    elsewhere: dict | None = None  # the question is arranged elsewhere: where

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.page_size))

    def to_dict(self) -> dict:
        facets: dict = {
            name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in values
            ]
            for name, values in self.facets.items()
        }
        facets["open_nu"] = {"count": self.open_now_count, "selected": self.open_now_selected}
        data = {
            "query": self.query,
            "count": self.count,
            "engine": str(self.engine),
            "page": self.page,
            "pages": self.pages,
            "results": [r.to_dict() for r in self.results],
            "facets": facets,
            "suggestion": self.suggestion,
            "understood": self.understood,
            "elsewhere": self.elsewhere,
        }
        if self.warnings:
            data["warnings"] = self.warnings
        return data
