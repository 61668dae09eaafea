"""The Elasticsearch document for services: every field declared, every value prepared here.

Documents are made from ``records.ServiceRecord`` (public fields only, live public pages
only), never from a page directly, so the index cannot hold what the public site does not
show. Analyzers are referred to by name; ``elastic.index_definition`` adds their definitions
from ``search.analyzers``.
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

from cms import schedules

from .records import ServiceRecord, schedule_from_json

SESSION_DAYS = 60  # open-now filtering looks this far ahead; rebuild the index daily


def _text(**kwargs):
    return Text(analyzer="nl_index", search_analyzer="nl_search", **kwargs)


def _label():
    return Object(properties={"slug": Keyword(), "name": Keyword()})


class ServiceDocument(Document):
    page_id = Integer()
    slug = Keyword()
    title = _text(fields={"raw": Keyword()})
    summary = _text()
    helps_with = _text()
    body = _text()
    extra = _text()
    suggest = Completion(analyzer="nl_suggest", search_analyzer="nl_suggest")
    url = Keyword(index=False)
    organisation = Object(properties={"slug": Keyword(), "name": Keyword()})
    themes = _label()
    target_groups = _label()
    wijken = _label()
    places = Object(enabled=False)
    locations = GeoPoint()
    cost = Keyword()
    at_home = Boolean()
    by_phone_or_online = Boolean()
    comes_to_you = Boolean()
    only_comes_to_you = Boolean()
    schedule = Object(enabled=False)
    sessions = DateRange()
    overdue_from = Date()
    contact = Object(enabled=False)

    @classmethod
    def from_record(cls, record: ServiceRecord, now: datetime.datetime | None = None):
        values = {}
        for name in sorted(cls._doc_type.mapping):
            prepare = getattr(cls, f"prepare_{name}", None)
            values[name] = prepare(record, now) if prepare else getattr(record, name)
        return cls(meta={"id": record.page_id}, **values)

    @staticmethod
    def prepare_helps_with(record, now):
        return list(record.helps_with)

    @staticmethod
    def prepare_suggest(record, now):
        """Each title and phrase, also from each later word on: "sch" finds "... schulden"."""
        inputs: list[str] = []
        for text in [record.title, *record.helps_with]:
            words = text.split()
            inputs += [" ".join(words[i:])[:200] for i in range(min(len(words), 6))]
        return {"input": list(dict.fromkeys(inputs))}

    @staticmethod
    def prepare_locations(record, now):
        return [{"lat": p["lat"], "lon": p["lon"]} for p in record.places]

    @staticmethod
    def prepare_comes_to_you(record, now):
        return record.at_home or record.by_phone_or_online

    @staticmethod
    def prepare_only_comes_to_you(record, now):
        """No place at all, but at home or by phone: "at your door" when sorting by distance."""
        return (record.at_home or record.by_phone_or_online) and not record.places

    @staticmethod
    def prepare_sessions(record, now):
        schedule = schedule_from_json(record.schedule)
        if schedule is None:
            return []
        now = now or timezone.now()
        end = now + datetime.timedelta(days=SESSION_DAYS)
        return [
            {"gte": s.start.isoformat(), "lt": s.end.isoformat()}
            for s in schedules.sessions_between(schedule, now, end)
        ]

    @staticmethod
    def prepare_overdue_from(record, now):
        return record.overdue_from.isoformat() if record.overdue_from else None
