"""The Elasticsearch document for services, derived from the FIELDS table of ``search.record``.

Documents are made from a ``ServiceRecord`` (public fields only, live public pages only),
never from a page directly, so the index cannot hold what the public site does not show.
Every stored field of the record is in the mapping with a type that follows its kind; each
text class of ``TEXT_CLASSES`` is one analysed text field. What only this engine needs
(completion, geo points, sessions for "open now", words for did-you-mean) is prepared here.
Analyzers are referred to by name; ``engine.index_definition`` adds their definitions.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from elasticsearch_dsl import (
    Boolean,
    Completion,
    Date,
    DateRange,
    Document,
    GeoPoint,
    Integer,
    Keyword,
    Object,
    Text,
)

from agenda import schedules
from search.record import FIELDS, TEXT_CLASSES, Kind, schedule_from_json

SESSION_DAYS = 60  # open-now filtering looks this far ahead; rebuild the index daily


def _text(**kwargs):
    return Text(analyzer="nl_index", search_analyzer="nl_search", **kwargs)


def _english_text(**kwargs):
    return Text(analyzer="en_text", **kwargs)


def _label():
    return Object(properties={"slug": Keyword(), "name": Keyword()})


def _mapped(field):
    """The mapping of a record field that is not one of the text classes."""
    if not field.indexed:
        return Keyword(index=False)
    return {
        Kind.KEYWORD: Keyword,
        Kind.CODES: Keyword,
        Kind.REF: _label,
        Kind.LABELS: _label,
        Kind.PLACES: lambda: Object(enabled=False),
        Kind.SCHEDULE: lambda: Object(enabled=False),
        Kind.CONTACT: lambda: Object(enabled=False),
        Kind.BOOL: Boolean,
        Kind.DATE: Date,
    }[field.kind]()


def _properties() -> dict:
    texts = {c.name for c in TEXT_CLASSES}
    properties = {"page_id": Integer()}
    properties.update({f.name: _mapped(f) for f in FIELDS if f.name not in texts})
    properties.update(
        {c.name: _text() if c.language == "nl" else _english_text() for c in TEXT_CLASSES}
    )
    properties["title"] = _text(fields={"raw": Keyword()})
    properties.update(
        suggest=Completion(  # the default max_input_length of 50 would cut titles off
            analyzer="nl_suggest", search_analyzer="nl_suggest", max_input_length=200
        ),
        spelling=Text(analyzer="nl_spelling"),
        locations=GeoPoint(),
        comes_to_you=Boolean(),
        only_comes_to_you=Boolean(),
        sessions=DateRange(),
        place_wijken=Keyword(),  # the wijk of each place: the wijk preference
    )
    return properties


ServiceDocument = type("ServiceDocument", (Document,), {**_properties(), "__module__": __name__})


def document(record, now: datetime.datetime | None = None) -> ServiceDocument:
    """The document of one record: its stored fields, its text classes, and what we add."""
    values = record.stored()
    values.update({c.name: record.texts(c.name) for c in TEXT_CLASSES})
    # A running text is one string, as stored (the English translation's too).
    values.update({f.name: getattr(record, f.name) for f in FIELDS if f.kind == Kind.TEXT})
    values.update(
        page_id=record.page_id,
        suggest=_suggest(record),
        spelling=record.all_texts(),
        locations=[{"lat": p["lat"], "lon": p["lon"]} for p in record.places],
        comes_to_you=record.at_home or record.by_phone_or_online,
        # No place at all, but at home or by phone: "at your door" when sorting by distance.
        only_comes_to_you=(record.at_home or record.by_phone_or_online) and not record.places,
        sessions=_sessions(record, now),
        place_wijken=sorted({p["wijk"] for p in record.places if p.get("wijk")}),
    )
    return ServiceDocument(meta={"id": record.page_id}, **values)


def _suggest(record) -> dict:
    """Each title and phrase, also from each later word on: "sch" finds "... schulden"."""
    inputs: list[str] = []
    for text in [record.title, *record.helps_with]:
        words = text.split()
        inputs += [" ".join(words[i:])[:200] for i in range(min(len(words), 6))]
    return {"input": list(dict.fromkeys(inputs))}


def _sessions(record, now) -> list[dict]:
    schedule = schedule_from_json(record.schedule)
    if schedule is None:
        return []
    now = now or timezone.now()
    end = now + datetime.timedelta(days=SESSION_DAYS)
    return [
        {"gte": s.start.isoformat(), "lt": s.end.isoformat()}
        for s in schedules.sessions_between(schedule, now, end)
    ]
