"""schema.org JSON-LD for service, organisation and loket pages (what search engines read).

Built from the public record only (``cms.serializers``). A service is a ``Service``, or a
``GovernmentService`` when a government organisation provides it; its places carry
``openingHoursSpecification`` for the weekly hours and ``specialOpeningHoursSpecification``
for the coming weeks' exceptions: closed days (opens = closes = 00:00, schema.org's way to say
"closed all day"), changed days, extra sessions and sessions of rules that are not weekly
(every other week, once a month), which the weekly form cannot express.
Times are local Amsterdam time, as on the page.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable

from django.utils import timezone

from agenda import schedules
from cms.models.services import Cost
from cms.serializers import organisation_public_data, place_data, service_detail

SCHEMA = "https://schema.org"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPECIAL_DAYS_AHEAD = 60
GOVERNMENT_PREFIXES = ("gemeente ", "provincie ", "rijksoverheid", "ministerie ")

Absolute = Callable[[str], str]


def is_government(organisation) -> bool:
    """Dutch public bodies are named after what they are: "Gemeente Uithoorn"."""
    return bool(organisation) and organisation.title.lower().startswith(GOVERNMENT_PREFIXES)


def organisation_node(organisation, absolute: Absolute, *, places: bool = False) -> dict:
    data = organisation_public_data(organisation)
    node = {
        "@type": "GovernmentOrganization" if is_government(organisation) else "Organization",
        "@id": absolute(organisation.get_url()) + "#organisatie",
        "name": data["name"],
        "url": data["website"] or absolute(organisation.get_url()),
    }
    if data["description"]:
        node["description"] = data["description"]
    if data["phone"]:
        node["telephone"] = data["phone"]
    if data["email"]:
        node["email"] = data["email"]
    if data["logo"]:
        node["logo"] = absolute(data["logo"])
    if places:
        node["location"] = [_place_node(p, {}, ()) for p in organisation.places.all()]
    return node


def _place_node(place, weekly: dict, special: list) -> dict:
    data = place_data(place)
    node = {
        "@type": "Place",
        "name": data["name"],
        "address": {
            "@type": "PostalAddress",
            "streetAddress": data["address"],
            "postalCode": data["postcode"],
            "addressLocality": data["town"],
            "addressRegion": "Noord-Holland",
            "addressCountry": "NL",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": data["lat"], "longitude": data["lon"]},
    }
    if weekly.get(place.name):
        node["openingHoursSpecification"] = weekly[place.name]
    if special:
        node["specialOpeningHoursSpecification"] = list(special)
    return node


def _hours(day: str | None, opens: datetime.time, closes: datetime.time, **extra) -> dict:
    spec = {"@type": "OpeningHoursSpecification"}
    if day:
        spec["dayOfWeek"] = f"{SCHEMA}/{day}"
    spec.update(opens=opens.strftime("%H:%M"), closes=closes.strftime("%H:%M"), **extra)
    return spec


def _weekly_hours(rules: list[schedules.Rule]) -> dict[str, list[dict]]:
    by_place: dict[str, list[dict]] = defaultdict(list)
    for rule in rules:
        if rule.frequency != schedules.Frequency.WEEKLY:
            continue
        extra = {}
        if rule.valid_from:
            extra["validFrom"] = rule.valid_from.isoformat()
        if rule.valid_until:
            extra["validThrough"] = rule.valid_until.isoformat()
        by_place[rule.place].append(_hours(DAYS[rule.weekday], rule.start, rule.end, **extra))
    return by_place


def _special_days(schedule: schedules.Schedule, today: datetime.date) -> dict[str, list[dict]]:
    """Per place: the real sessions of every day in the coming weeks that the weekly hours
    do not describe, or "closed" when none is left."""
    weekly_only = schedules.Schedule(
        rules=tuple(r for r in schedule.rules if r.frequency == schedules.Frequency.WEEKLY),
        closed_on_public_holidays=False,
    )
    by_place: dict[str, list[dict]] = defaultdict(list)
    for offset in range(SPECIAL_DAYS_AHEAD):
        day = today + datetime.timedelta(days=offset)
        real = schedules.sessions_on(schedule, day)
        regular = schedules.sessions_on(weekly_only, day)
        if [(s.start, s.end, s.place) for s in real] == [
            (s.start, s.end, s.place) for s in regular
        ]:
            continue
        date = {"validFrom": day.isoformat(), "validThrough": day.isoformat()}
        places = {s.place for s in real} | {s.place for s in regular}
        for place in places:
            sessions = [s for s in real if s.place == place]
            if not sessions:
                by_place[place].append(_hours(None, datetime.time(0), datetime.time(0), **date))
            for session in sessions:
                start, end = session.start.timetz(), session.end.timetz()
                by_place[place].append(_hours(None, start, end, **date))
    return by_place


def service_node(service, absolute: Absolute, *, today: datetime.date | None = None) -> dict:
    today = today or timezone.now().astimezone(schedules.TIMEZONE).date()
    detail = service_detail(service)
    url = absolute(service.get_url())
    government = is_government(service.organisation)
    node = {
        "@type": "GovernmentService" if government else "Service",
        "@id": url + "#voorziening",
        "name": detail["title"],
        "description": detail["summary"],
        "url": url,
        "areaServed": _area(service),
    }
    if detail["themes"]:
        node["serviceType"] = ", ".join(t["name"] for t in detail["themes"])
    if detail["target_groups"]:
        node["audience"] = [
            {"@type": "Audience", "audienceType": g["name"]} for g in detail["target_groups"]
        ]
    if service.organisation:
        node["provider"] = organisation_node(service.organisation, absolute)
        if government:
            node["serviceOperator"] = node["provider"]
    if service.cost == Cost.FREE:
        node["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
    schedule = service.schedule() if service.has_schedule else None
    weekly = _weekly_hours(list(schedule.rules)) if schedule else {}
    special = _special_days(schedule, today) if schedule else {}
    places = [_place_node(p, weekly, special.get(p.name, ())) for p in service.places.all()]
    channel = {
        "@type": "ServiceChannel",
        "serviceUrl": detail["contact"]["website"] or url,
        "availableLanguage": list(detail["languages"]),  # ISO 639-1 codes (BCP 47)
    }
    if detail["contact"]["phone"]:
        channel["servicePhone"] = {
            "@type": "ContactPoint",
            "telephone": detail["contact"]["phone"],
            "areaServed": "NL",
        }
    if places:
        channel["serviceLocation"] = places
    node["availableChannel"] = channel
    return node


def _area(service) -> list[dict]:
    wijken = list(service.wijken.all())
    if service.whole_municipality or not wijken:
        return [
            {"@type": "AdministrativeArea", "name": "Uithoorn"},
            {"@type": "AdministrativeArea", "name": "De Kwakel"},
        ]
    return [{"@type": "Place", "name": f"{w.title}, {w.town}"} for w in wijken]


def for_page(page, absolute: Absolute) -> dict | None:
    """The JSON-LD document of a page, or ``None`` for pages without one."""
    from cms.models import LoketOverviewPage, OrganisationPage, ServicePage
    from cms.models.pages import walk_in_services
    from cms.translations import localized

    if isinstance(page, ServicePage):
        node = service_node(page, absolute)
    elif isinstance(page, OrganisationPage):
        node = organisation_node(page, absolute, places=True)
        services = [service_node(s, absolute) for s in localized(page.live_services())]
        if services:
            node["makesOffer"] = [{"@type": "Offer", "itemOffered": s} for s in services]
    elif isinstance(page, LoketOverviewPage):
        items = [service_node(s, absolute) for s in localized(walk_in_services())]
        node = {
            "@type": "ItemList",
            "name": page.title,
            "url": absolute(page.get_url()),
            "itemListElement": [
                {"@type": "ListItem", "position": i, "item": item}
                for i, item in enumerate(items, start=1)
            ],
        }
    else:
        return None
    return {"@context": SCHEMA, **node}
