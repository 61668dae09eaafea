"""One service as search, map and API see it: the FIELDS table and the record made from it.

Everything in a record comes from ``cms.serializers.public_service`` (the one place that
decides which fields are public; professional-only fields are never in that dict), plus
the opening hours (public: they are on every loket page) and the date from which the
information counts as overdue (a mild ranking penalty).

FIELDS is the only list of a service's searchable fields. From it are derived:
* the embedded engine's columns (``search.models.SearchEntry``) and in-memory documents;
* the Elasticsearch mapping and bulk documents (``search.engines.cluster.documents``);
* which words count in which text class (``TEXT_CLASSES``: weight per class);
* the facets and filters (``FACETS``) and the typed result (``search.results.result_item``).
A new searchable field is one row here (and one line in ``public_service``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, make_dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from agenda import schedules
from cms import languages
from cms.serializers import public_service, public_texts


class Kind(StrEnum):
    """What a value is; decides its column, its Elasticsearch type and its text."""

    KEYWORD = "keyword"  # a short string, matched exactly (slug, cost)
    TEXT = "text"  # running text
    PHRASES = "phrases"  # a list of sentences
    REF = "ref"  # one {"slug", "name"} or None
    LABELS = "labels"  # a list of {"slug", "name"}
    CODES = "codes"  # a list of codes (ISO 639-1 languages)
    PLACES = "places"  # a list of public place data, with coordinates
    BOOL = "bool"
    DATE = "date"
    SCHEDULE = "schedule"  # opening hours as JSON (see schedule_to_json)
    CONTACT = "contact"  # public phone, email and website, only those given


@dataclass(frozen=True)
class TextClass:
    """A weight class of words: one token column (embedded) and one text field (cluster)."""

    name: str
    weight: float
    pg_label: str  # PostgreSQL tsvector weight label (candidate order only)
    bm25_b: float  # length normalisation in the embedded BM25
    phrases: bool  # word order is kept for phrase boosts
    language: str = "nl"  # the analysis of its words: Dutch, or English (search.english)

    @property
    def column(self) -> str:
        return f"{self.name}_tokens"


# Helps-with phrases > title > summary > body > names of organisation, themes and places.
TEXT_CLASSES = (
    TextClass("helps_with", 4.0, "A", 0.3, True),
    TextClass("title", 3.0, "B", 0.5, True),
    TextClass("summary", 2.0, "C", 0.75, True),
    TextClass("body", 1.0, "D", 0.75, False),
    TextClass("extra", 0.75, "D", 0.75, False),
    # The English translation's texts (when there is one), analysed the English way. Only
    # questions asked in English (the English site, ``?lang=en``) look in them.
    TextClass("helps_with_en", 4.0, "A", 0.3, False, "en"),
    TextClass("title_en", 3.0, "B", 0.5, False, "en"),
    TextClass("summary_en", 2.0, "C", 0.75, False, "en"),
    TextClass("body_en", 1.0, "D", 0.75, False, "en"),
)
WEIGHTS = {c.column: c.weight for c in TEXT_CLASSES}
DUTCH_CLASSES = tuple(c for c in TEXT_CLASSES if c.language == "nl")
# The columns of the database's full-text index (frozen in search/migrations/0002): Dutch.
FULLTEXT_WEIGHTS = {c.column: c.weight for c in DUTCH_CLASSES}


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    text: str | None = None  # the text class its words count in; None: not searched as text
    stored: bool = True  # kept in the index and given back with every result
    facet: str | None = None  # name of the filter and facet (query parameter)
    labels: Callable[[], dict[str, str]] | None = None  # facet labels, unless in the value
    indexed: bool = True  # the cluster can filter on it


def _cost_labels() -> dict[str, str]:
    from cms.models.services import Cost

    return {value: str(label) for value, label in Cost.choices}


FIELDS = (
    Field("slug", Kind.KEYWORD),
    Field("title", Kind.TEXT, text="title"),
    Field("summary", Kind.TEXT, text="summary"),
    Field("url", Kind.KEYWORD, indexed=False),
    Field("organisation", Kind.REF, text="extra"),
    Field("themes", Kind.LABELS, text="extra", facet="thema"),
    Field("target_groups", Kind.LABELS, text="extra", facet="doelgroep"),
    Field("wijken", Kind.LABELS, facet="wijk"),
    Field("places", Kind.PLACES, text="extra"),
    Field("cost", Kind.KEYWORD, facet="kosten", labels=_cost_labels),
    Field("languages", Kind.CODES, facet="taal", labels=languages.names),
    Field("at_home", Kind.BOOL),
    Field("by_phone_or_online", Kind.BOOL),
    Field("helps_with", Kind.PHRASES, text="helps_with"),
    Field("body", Kind.TEXT, text="body", stored=False),
    Field("schedule", Kind.SCHEDULE),
    Field("overdue_from", Kind.DATE),
    Field("contact", Kind.CONTACT),  # for the action row (Bel, Website, Mail)
    # The English translation (empty without one): searched by English questions and shown
    # on the English site instead of the Dutch title, summary and address.
    Field("title_en", Kind.TEXT, text="title_en"),
    Field("summary_en", Kind.TEXT, text="summary_en"),
    Field("url_en", Kind.KEYWORD, indexed=False),
    Field("helps_with_en", Kind.PHRASES, text="helps_with_en", stored=False),
    Field("body_en", Kind.TEXT, text="body_en", stored=False),
)
FIELDS_BY_NAME = {f.name: f for f in FIELDS}
STORED = tuple(f for f in FIELDS if f.stored)
FACETS = {f.facet: f for f in FIELDS if f.facet}

_EMPTY: dict[Kind, Callable] = {
    Kind.KEYWORD: str,
    Kind.TEXT: str,
    Kind.PHRASES: list,
    Kind.REF: lambda: None,
    Kind.LABELS: list,
    Kind.CODES: list,
    Kind.PLACES: list,
    Kind.BOOL: bool,
    Kind.DATE: lambda: None,
    Kind.SCHEDULE: lambda: None,
    Kind.CONTACT: dict,
}


def _texts(kind: Kind, value) -> list[str]:
    """The words of a value that count as text."""
    if not value:
        return []
    if kind in (Kind.TEXT, Kind.KEYWORD):
        return [value]
    if kind == Kind.REF:
        return [value["name"]]
    if kind in (Kind.LABELS, Kind.PLACES):
        return [item["name"] for item in value]
    return list(value)


class _RecordMethods:
    def texts(self, text_class: str) -> list[str]:
        """The texts of one weight class, in FIELDS order."""
        return [
            text
            for f in FIELDS
            if f.text == text_class
            for text in _texts(f.kind, getattr(self, f.name))
        ]

    @property
    def extra(self) -> list[str]:
        return self.texts("extra")

    def all_texts(self) -> list[str]:
        """The Dutch texts (spelling suggestions and the word list are Dutch)."""
        return [text for c in DUTCH_CLASSES for text in self.texts(c.name)]

    def facet_values(self, facet: str) -> frozenset[str]:
        field = FACETS[facet]
        value = getattr(self, field.name)
        if field.kind == Kind.LABELS:
            return frozenset(item["slug"] for item in value)
        if field.kind == Kind.CODES:
            return frozenset(value)
        return frozenset([value]) if value else frozenset()

    def stored(self) -> dict:
        """The stored fields as JSON-safe values (what every index keeps)."""
        values = {f.name: getattr(self, f.name) for f in STORED}
        if values["overdue_from"] is not None:
            values["overdue_from"] = values["overdue_from"].isoformat()
        return values

    @classmethod
    def from_stored(cls, page_id: int, values: dict):
        """A record from what an index gave back; fields it lacks get their empty value."""
        given = {f.name: values[f.name] for f in STORED if values.get(f.name) is not None}
        overdue = given.get("overdue_from")
        if isinstance(overdue, str):
            given["overdue_from"] = datetime.date.fromisoformat(overdue)
        return cls(page_id=page_id, **given)


ServiceRecord = make_dataclass(
    "ServiceRecord",
    [("page_id", int)]
    + [(f.name, object, dataclass_field(default_factory=_EMPTY[f.kind])) for f in FIELDS],
    bases=(_RecordMethods,),
    frozen=True,
)
ServiceRecord.__module__ = __name__
ServiceRecord.__doc__ = "The public record of one service; one attribute per row of FIELDS."


def is_indexable(page) -> bool:
    """Only live, public services in the default language (Dutch) are searchable: a
    translation is part of its source's record, not a service of its own."""
    from wagtail.models import Locale

    from cms.models import ServicePage

    specific = page.specific
    return (
        isinstance(specific, ServicePage)
        and specific.locale_id == Locale.get_default().pk
        and specific.live
        and not specific.get_view_restrictions().exists()
    )


# The relations ``build_record`` reads, fetched in bulk.
RECORD_RELATIONS = (
    "themes",
    "target_groups",
    "places__wijk",
    "wijken",
    "phrases",
    "opening_rules__place",
    "schedule_exceptions__place",
)


def indexable_services(*, prefetch: bool = True):
    """Every live, public service, with what ``build_record`` reads fetched in bulk
    (``prefetch=False``: the caller fetches it with ``fetch_relations`` per batch)."""
    from wagtail.models import Locale

    from cms.models import ServicePage

    services = (
        ServicePage.objects.live().public().filter(locale=Locale.get_default()).order_by("path")
    )
    if not prefetch:
        return services
    return services.select_related("organisation").prefetch_related(*RECORD_RELATIONS)


def fetch_relations(pages: list) -> None:
    """What ``prefetch_related(*RECORD_RELATIONS)`` fetches, with the same queries and
    the same objects in the same order, handed to modelcluster as each page's relations
    in memory (what it keeps while a page is edited, unsaved). Django's prefetch makes two
    querysets per page and relation and modelcluster another manager per read: at 20,000
    services that was a third of a rebuild. For pages only read, never saved. The
    organisations are fetched too, each once per batch (``select_related`` made a page
    object of the organisation for every service)."""
    from django.db.models import prefetch_related_objects

    if not pages:
        return
    prefetch_related_objects(pages, "organisation")
    nested: dict[str, list[str]] = {}
    for lookup in RECORD_RELATIONS:
        name, _, rest = lookup.partition("__")
        nested.setdefault(name, [])
        if rest:
            nested[name].append(rest)
    for name, inner in nested.items():
        manager = getattr(pages[0], name)
        queryset, related_key, page_key, *_ = manager.get_prefetch_querysets(pages)
        found: dict = {}
        for related in queryset:
            found.setdefault(related_key(related), []).append(related)
        for page in pages:
            if not hasattr(page, "_cluster_related_objects"):
                page._cluster_related_objects = {}
            page._cluster_related_objects[name] = found.get(page_key(page), [])
        if inner:
            prefetch_related_objects([o for objects in found.values() for o in objects], *inner)


BATCH = 500  # pages (with their relations) a full rebuild holds in memory at a time


def build_batch(pages: list, urls=None) -> list:
    """The records of a batch of pages from ``indexable_services(prefetch=False)``, in
    their order: their relations and English translations fetched in bulk first."""
    fetch_relations(pages)
    english = english_translations(p.translation_key for p in pages) if pages else {}
    records = (
        build_record(page, checked=True, english=english.get(page.translation_key), urls=urls)
        for page in pages
    )
    return [record for record in records if record is not None]


def english_translations(keys=None) -> dict:
    """translation_key -> the live, public English translation of a service, in bulk
    (of the services with these translation keys, or of all)."""
    from cms.models import ServicePage

    pages = (
        ServicePage.objects.live()
        .public()
        .filter(locale__language_code="en")
        .prefetch_related("phrases")
    )
    if keys is not None:
        pages = pages.filter(translation_key__in=list(keys))
    return {page.translation_key: page for page in pages}


def _english_translation(service):
    from wagtail.models import Locale

    from cms.models import ServicePage

    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return None
    return (
        ServicePage.objects.live()
        .public()
        .filter(locale=english, translation_key=service.translation_key)
        .prefetch_related("phrases")
        .first()
    )


def _english_values(translation, urls=None) -> dict:
    """The searchable texts of the English translation (public fields only)."""
    if translation is None:
        return {}
    data = public_texts(translation, urls=urls, plain_body=True)
    return {
        "title_en": data["title"],
        "summary_en": data["summary"],
        "url_en": data["url"] or "",
        "helps_with_en": list(data["helps_with"]),
        "body_en": data["body"],
    }


_LOOK_UP = object()


def build_record(page, *, checked: bool = False, english=_LOOK_UP, urls=None):
    """The public record of a service, or None when it must not be in the index.

    ``checked``: the caller took the page from ``indexable_services()`` (saves queries).
    ``english``: the service's English translation (or None), when the caller fetched the
    translations in bulk with ``english_translations()``; otherwise it is looked up.
    ``urls``: a ``cms.serializers.url_cache()`` shared by the records of one batch.
    """
    if not checked and not is_indexable(page):
        return None
    service = page.specific
    if english is _LOOK_UP:
        english = _english_translation(service)
    # The public gate: never professional fields.
    data = public_service(service, labels=False, urls=urls, plain_body=True)
    values = {f.name: data[f.name] for f in FIELDS if f.name in data}
    values.update(
        url=data["url"] or "",
        wijken=_wijken(data, service),
        helps_with=list(data["helps_with"]),
        body=data["body"],
        schedule=schedule_to_json(service.schedule()) if service.has_schedule else None,
        overdue_from=_overdue_from(service),
        contact={k: v for k, v in data["contact"].items() if v},
    )
    values.update(_english_values(english, urls))
    return ServiceRecord(page_id=service.pk, **values)


def _wijken(data: dict, service) -> list[dict]:
    """Wijken the service names, plus the wijken its places lie in (like WijkPage)."""
    found = {w["slug"]: w["name"] for w in data["wijken"]}
    for place in service.places.all():
        if place.wijk_id and place.wijk.slug not in found:
            found[place.wijk.slug] = place.wijk.title
    return [{"slug": slug, "name": name} for slug, name in sorted(found.items())]


def _overdue_from(service) -> datetime.date | None:
    """First day on which ``service.overdue_by_a_year`` is true."""
    return service.review_due_date + relativedelta(months=12) + datetime.timedelta(days=1)


# --------------------------------------------------------------------------- schedules


def _time(value: datetime.time | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def schedule_to_json(schedule: schedules.Schedule) -> dict:
    return {
        "closed_on_public_holidays": schedule.closed_on_public_holidays,
        "rules": [
            {
                "weekday": r.weekday,
                "start": _time(r.start),
                "end": _time(r.end),
                "frequency": str(r.frequency),
                "interval": r.interval,
                "week_of_month": r.week_of_month,
                "valid_from": _date(r.valid_from),
                "valid_until": _date(r.valid_until),
                "place": r.place,
            }
            for r in schedule.rules
        ],
        "exceptions": [
            {
                "date": _date(e.date),
                "kind": str(e.kind),
                "start": _time(e.start),
                "end": _time(e.end),
                "reason": e.reason,
                "place": e.place,
            }
            for e in schedule.exceptions
        ],
    }


def _parse_time(value):
    return datetime.time.fromisoformat(value) if value else None


def _parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


def schedule_from_json(data: dict | None) -> schedules.Schedule | None:
    if not data:
        return None
    return schedules.Schedule(
        rules=tuple(
            schedules.Rule(
                weekday=r["weekday"],
                start=_parse_time(r["start"]),
                end=_parse_time(r["end"]),
                frequency=schedules.Frequency(r["frequency"]),
                interval=r["interval"],
                week_of_month=r["week_of_month"],
                valid_from=_parse_date(r["valid_from"]),
                valid_until=_parse_date(r["valid_until"]),
                place=r["place"],
            )
            for r in data["rules"]
        ),
        exceptions=tuple(
            schedules.ScheduleException(
                date=_parse_date(e["date"]),
                kind=schedules.ExceptionKind(e["kind"]),
                start=_parse_time(e["start"]),
                end=_parse_time(e["end"]),
                reason=e["reason"],
                place=e["place"],
            )
            for e in data["exceptions"]
        ),
        closed_on_public_holidays=data["closed_on_public_holidays"],
    )
