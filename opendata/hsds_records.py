"""Our public record of a service, organisation, place and label, in HSDS 3.0 shape.

Only public fields reach this module's output: it starts from ``cms.serializers`` (the one
gate for professional-only fields) and adds identifiers and absolute links. No contact
persons (professional-only), no sleutelpersonen or their photos.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone

from agenda import schedules
from cms.languages import name as language_name
from cms.models.services import Cost
from cms.serializers import organisation_public_data, place_data, service_detail
from places import geo

from . import hsds_schedules, ids

HSDS_VERSION = "3.0"
STATE_PROVINCE = "Noord-Holland"
COUNTRY = "NL"
MUNICIPALITY = "Gemeente Uithoorn (Uithoorn en De Kwakel)"
THEMES_NAME = "Thema's (leefgebieden)"
TARGET_GROUPS_NAME = "Doelgroepen"


@dataclass(frozen=True)
class Links:
    """Turns a site path into an absolute URL (``request.build_absolute_uri``)."""

    absolute: Callable[[str], str]

    def page(self, page) -> str:
        return self.absolute(page.get_url())


# --------------------------------------------------------------------------- taxonomies


def taxonomies(links: Links) -> list[dict]:
    return [
        {
            "id": ids.THEMES_TAXONOMY,
            "name": THEMES_NAME,
            "description": "De leefgebieden van de sociale kaart, zoals geld, wonen en zorg.",
            "uri": links.absolute(f"/api/hsds/taxonomies/{ids.THEMES_TAXONOMY}"),
            "version": "1",
        },
        {
            "id": ids.TARGET_GROUPS_TAXONOMY,
            "name": TARGET_GROUPS_NAME,
            "description": "Voor wie een voorziening is, zoals ouderen, jongeren of mantelzorgers.",
            "uri": links.absolute(f"/api/hsds/taxonomies/{ids.TARGET_GROUPS_TAXONOMY}"),
            "version": "1",
        },
    ]


def theme_term(theme, links: Links, *, detail: bool = True) -> dict:
    term = {
        "id": ids.theme_id(theme),
        "code": theme.slug,
        "name": theme.name,
        "description": theme.description or theme.name,
        "taxonomy": THEMES_NAME,
        "taxonomy_id": ids.THEMES_TAXONOMY,
        "language": "nl",
        "term_uri": links.absolute(f"/api/hsds/taxonomy_terms/{ids.theme_id(theme)}"),
    }
    if detail:
        term["taxonomy_detail"] = taxonomies(links)[0]
    return term


def target_group_term(group, links: Links, *, detail: bool = True) -> dict:
    term = {
        "id": ids.target_group_id(group),
        "code": group.slug,
        "name": group.name,
        "description": f"Voorzieningen voor: {group.name.lower()}.",
        "taxonomy": TARGET_GROUPS_NAME,
        "taxonomy_id": ids.TARGET_GROUPS_TAXONOMY,
        "language": "nl",
        "term_uri": links.absolute(f"/api/hsds/taxonomy_terms/{ids.target_group_id(group)}"),
    }
    if detail:
        term["taxonomy_detail"] = taxonomies(links)[1]
    return term


# --------------------------------------------------------------------------- places


def location(place, links: Links) -> dict:
    data = place_data(place)
    location_id = ids.place_id(place)
    record = {
        "id": location_id,
        "location_type": "physical",
        "name": data["name"],
        "description": place.description,
        "latitude": data["lat"],
        "longitude": data["lon"],
        "addresses": [
            {
                "id": ids.derived("address", place.pk),
                "location_id": location_id,
                "address_1": data["address"],
                "city": data["town"],
                "state_province": STATE_PROVINCE,
                "postal_code": data["postcode"],
                "country": COUNTRY,
                "address_type": "physical",
            }
        ],
        "accessibility": [
            {
                "id": ids.derived("accessibility", place.pk),
                "location_id": location_id,
                "description": "Toegankelijk met een rolstoel"
                if data["wheelchair_accessible"]
                else "Niet bekend als toegankelijk met een rolstoel",
            }
        ],
    }
    if place.bag_id:
        record["external_identifier"] = place.bag_id
        record["external_identifier_type"] = "BAG verblijfsobject"
    return record


# --------------------------------------------------------------------------- organisations


def organization(organisation, links: Links, *, services: Iterable | None = None) -> dict:
    data = organisation_public_data(organisation)
    record = {
        "id": ids.page_id(organisation),
        "name": data["name"],
        "description": data["description"],
        "website": data["website"] or links.page(organisation),
        "uri": links.page(organisation),
        "phones": _phones(data["phone"], "organization", ids.page_id(organisation)),
        "locations": [location(place, links) for place in organisation.places.all()],
    }
    if data["email"]:
        record["email"] = data["email"]
    if data["logo"]:
        record["logo"] = links.absolute(data["logo"])
    if services is not None:
        record["services"] = [service_summary(s, links) for s in services]
    return record


def _phones(number: str, owner_kind: str, owner_id: str) -> list[dict]:
    if not number:
        return []
    return [
        {
            "id": ids.derived("phone", owner_kind, owner_id),
            f"{owner_kind}_id": owner_id,
            "number": number,
            "type": "voice",
        }
    ]


# --------------------------------------------------------------------------- services


def _modified(service) -> str:
    moment = service.last_published_at or service.latest_revision_created_at or timezone.now()
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds")


def service_summary(service, links: Links) -> dict:
    """The one-to-one fields (the HSDS list shape)."""
    detail = service_detail(service)
    record = {
        "id": ids.page_id(service),
        "name": detail["title"],
        "description": detail["summary"],
        "url": links.page(service),
        "status": "active",
        "application_process": detail["access_label"],
        "fees_description": detail["cost_label"],
        "assured_date": detail["last_checked"],
        "last_modified": _modified(service),
    }
    if service.organisation_id:
        record["organization_id"] = ids.page_id(service.organisation)
    if detail["contact"]["email"]:
        record["email"] = detail["contact"]["email"]
    groups = [g["name"] for g in detail["target_groups"]]
    if groups:
        record["eligibility_description"] = "Voor: " + ", ".join(groups) + "."
    return record


def service_full(service, links: Links, *, today: datetime.date | None = None) -> dict:
    """A fully nested service."""
    today = today or timezone.now().astimezone(schedules.TIMEZONE).date()
    service_id = ids.page_id(service)
    record = service_summary(service, links)
    places = list(service.places.all())
    record.update(
        organization=organization(service.organisation, links) if service.organisation else None,
        phones=_phones(service.phone, "service", service_id),
        schedules=service_schedules(service, links, today=today),
        service_areas=service_areas(service, links),
        service_at_locations=[service_at_location(service, p, links, today=today) for p in places],
        languages=languages(service),
        cost_options=cost_options(service),
        attributes=attributes(service, links),
        contacts=[],
        funding=[],
        required_documents=[],
    )
    if record["organization"] is None:
        del record["organization"]
    return record


def languages(service) -> list[dict]:
    """``service.languages`` holds ISO 639-1 codes; the id stays derived from the name."""
    found = []
    for code in service.languages:
        name = language_name(code)
        found.append(
            {
                "id": ids.derived("language", ids.page_id(service), name.lower()),
                "service_id": ids.page_id(service),
                "name": name,
                "code": code,
            }
        )
    return found


def cost_options(service) -> list[dict]:
    option = {
        "id": ids.derived("cost_option", ids.page_id(service)),
        "service_id": ids.page_id(service),
        "option": service.get_cost_display(),
    }
    if service.cost == Cost.FREE:
        option.update(amount=0, currency="EUR", amount_description="Gratis")
    return [option]


def attributes(service, links: Links) -> list[dict]:
    service_id = ids.page_id(service)
    terms = [theme_term(t, links, detail=False) for t in service.themes.all()]
    terms += [target_group_term(g, links, detail=False) for g in service.target_groups.all()]
    return [
        {
            "id": ids.derived("attribute", service_id, term["id"]),
            "link_id": service_id,
            "link_type": "taxonomy_term",
            "link_entity": "service",
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        }
        for term in terms
    ]


def service_areas(service, links: Links) -> list[dict]:
    service_id = ids.page_id(service)
    wijken = list(service.wijken.all())
    if service.whole_municipality or not wijken:
        return [
            {
                "id": ids.derived("service_area", service_id, "municipality"),
                "service_id": service_id,
                "name": MUNICIPALITY,
                "description": "Voor alle inwoners van Uithoorn en De Kwakel.",
            }
        ]
    return [
        {
            "id": ids.derived("service_area", service_id, ids.page_id(wijk)),
            "service_id": service_id,
            "name": wijk.title,
            "description": f"Voor inwoners van de wijk {wijk.title} ({wijk.town}).",
            "extent": json.dumps(geo.rewind(wijk.boundary)),
            "extent_type": "geojson",
            "uri": links.page(wijk),
        }
        for wijk in wijken
    ]


def _rules_with_places(service) -> list[tuple[object, schedules.Rule]]:
    default_place = next(iter(service.places.all()), None)
    default_name = default_place.name if default_place else ""
    return [(rule, rule.to_rule(default_name)) for rule in service.opening_rules.all()]


def _place_of(row_model, service):
    if row_model.place_id:
        return row_model.place
    return next(iter(service.places.all()), None)


def service_schedules(service, links: Links, *, today, place=None) -> list[dict]:
    """Schedule rows of a service; with ``place``, only those at that place."""
    schedule = service.schedule()
    notes = hsds_schedules.closure_notes(schedule, today)
    link = links.absolute(service.ical_url)
    service_id = ids.page_id(service)
    rows = []
    for model, rule in _rules_with_places(service):
        at = _place_of(model, service)
        if place is not None and (at is None or at.pk != place.pk):
            continue
        context = _row_context(service_id, link, service, at)
        rows.append(
            hsds_schedules.rule_row(
                ids.derived("schedule", service_id, model.pk), rule, context, notes
            )
        )
    for model in service.schedule_exceptions.all():
        exception = model.to_exception()
        if exception.kind != schedules.ExceptionKind.EXTRA or exception.date < today:
            continue
        try:
            schedules.validate_exception(exception)
        except schedules.ScheduleError:
            continue
        at = _place_of(model, service)
        if place is not None and (at is None or at.pk != place.pk):
            continue
        context = _row_context(service_id, link, service, at)
        rows.append(
            hsds_schedules.extra_row(ids.derived("extra", service_id, model.pk), exception, context)
        )
    return rows


def _row_context(service_id, link, service, place) -> hsds_schedules.RowContext:
    if place is None:
        return hsds_schedules.RowContext(service_id=service_id, schedule_link=link)
    return hsds_schedules.RowContext(
        service_id=service_id,
        schedule_link=link,
        location_id=ids.place_id(place),
        service_at_location_id=ids.service_at_location_id(service, place),
    )


def service_at_location(service, place, links: Links, *, today, nested: bool = True) -> dict:
    detail = service_detail(service)
    accessibility = detail["accessibility"]
    notes = [f"{detail['title']} in {place.name}."]
    if accessibility["hearing_loop"]:
        notes.append("Er is een ringleiding.")
    if accessibility["notes"]:
        notes.append(accessibility["notes"])
    record = {
        "id": ids.service_at_location_id(service, place),
        "service_id": ids.page_id(service),
        "location_id": ids.place_id(place),
        "description": " ".join(notes),
    }
    if nested:
        record["location"] = location(place, links)
        record["schedules"] = service_schedules(service, links, today=today, place=place)
    return record
