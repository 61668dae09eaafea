"""What a service looks like to search: public fields only, for both engines.

Everything a resident can read comes from ``cms.serializers.service_detail`` (the one place
that decides which fields are public, called without professional fields). Besides that we
keep the opening hours (public: they are on every loket page) and the date from which the
information counts as overdue, used for a mild ranking penalty.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.utils.html import strip_tags

from cms import schedules
from cms.serializers import service_detail


@dataclass(frozen=True)
class ServiceRecord:
    page_id: int
    slug: str
    title: str
    summary: str
    url: str
    organisation: dict | None
    themes: list[dict]
    target_groups: list[dict]
    wijken: list[dict]
    places: list[dict]
    cost: str
    at_home: bool
    by_phone_or_online: bool
    helps_with: list[str]
    body: str
    schedule: dict | None
    overdue_from: datetime.date | None
    extra: list[str] = field(default_factory=list)  # organisation, theme and place names
    contact: dict = field(default_factory=dict)  # public phone, email, website


def is_indexable(page) -> bool:
    """Only live, public services are searchable."""
    from cms.models import ServicePage

    specific = page.specific
    return (
        isinstance(specific, ServicePage)
        and specific.live
        and not specific.get_view_restrictions().exists()
    )


def indexable_services():
    """Every live, public service, with what ``build_record`` reads fetched in bulk."""
    from cms.models import ServicePage

    return (
        ServicePage.objects.live()
        .public()
        .select_related("organisation")
        .prefetch_related(
            "themes",
            "target_groups",
            "places__wijk",
            "wijken",
            "phrases",
            "opening_rules__place",
            "schedule_exceptions__place",
        )
        .order_by("path")
    )


def build_record(page, *, checked: bool = False) -> ServiceRecord | None:
    """The public record of a service, or None when it must not be in the index.

    ``checked``: the caller took the page from ``indexable_services()`` (saves queries).
    """
    if not checked and not is_indexable(page):
        return None
    service = page.specific
    data = service_detail(service)  # never include_professional
    places = [
        {
            "name": p["name"],
            "address": f"{p['address']}, {p['town']}",
            "lat": p["lat"],
            "lon": p["lon"],
            "wijk": p["wijk"],
        }
        for p in data["places"]
    ]
    organisation = data["organisation"]
    extra = [
        *([organisation["name"]] if organisation else []),
        *(t["name"] for t in data["themes"]),
        *(t["name"] for t in data["target_groups"]),
        *(p["name"] for p in places),
    ]
    return ServiceRecord(
        page_id=service.pk,
        slug=data["slug"],
        title=data["title"],
        summary=data["summary"],
        url=data["url"] or "",
        organisation=organisation,
        themes=data["themes"],
        target_groups=data["target_groups"],
        wijken=_wijken(data),
        places=places,
        cost=data["cost"],
        at_home=data["at_home"],
        by_phone_or_online=data["by_phone_or_online"],
        helps_with=list(data["helps_with"]),
        body=html.unescape(strip_tags(data["body"])).strip(),
        schedule=schedule_to_json(service.schedule()) if service.has_schedule else None,
        overdue_from=_overdue_from(service),
        extra=extra,
        contact={k: v for k, v in data["contact"].items() if v},
    )


def _wijken(data: dict) -> list[dict]:
    """Wijken the service names, plus the wijken its places lie in (like WijkPage)."""
    from cms.models import WijkPage

    found = {w["slug"]: w["name"] for w in data["wijken"]}
    missing = {p["wijk"] for p in data["places"] if p["wijk"] and p["wijk"] not in found}
    if missing:
        for slug, title in WijkPage.objects.filter(slug__in=missing).values_list("slug", "title"):
            found[slug] = title
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
