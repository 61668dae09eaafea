"""Load the demo catalogue (fixtures/demo/catalogue.json) into the CMS, idempotently.

Existing content is never overwritten: an object whose slug already exists is left as the
editors have it, so running the loader twice changes nothing.
"""

import datetime
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from cms.models import (
    OrganisationIndexPage,
    OrganisationPage,
    Place,
    ServiceIndexPage,
    ServiceOpeningRule,
    ServicePage,
    ServicePhrase,
    ServiceScheduleException,
    Sleutelpersoon,
    TargetGroup,
    Theme,
    WijkIndexPage,
    WijkPage,
)
from cms.site_structure import ensure_site_structure

CATALOGUE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "catalogue.json"


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str):
        self.created[kind] = self.created.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.created.values())


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def resolve_date(spec: dict, today: datetime.date) -> datetime.date:
    """An absolute `date`, or `in_days` after today moved forward to `next_weekday`."""
    if spec.get("date"):
        return datetime.date.fromisoformat(spec["date"])
    day = today + datetime.timedelta(days=spec.get("in_days") or 0)
    weekday = spec.get("next_weekday")
    if weekday is not None:
        day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    return day


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


SOCIAAL_LOKET_SLUG = "sociaal-loket"  # the demo service with the sociaal loket's hours

# Sent with the catalogue (``data``) after it is loaded, so apps above cms in the layers
# (search: the "ergens anders" contacts) can add their part of the demo.
demo_loaded = Signal()


class DemoLoader:
    def __init__(self, data: dict, today: datetime.date | None = None):
        self.data = data
        self.today = today or timezone.localdate()
        self.report = LoadReport()

    @transaction.atomic
    def run(self) -> LoadReport:
        home = ensure_site_structure()
        self.themes = {t["slug"]: self._theme(t, i) for i, t in enumerate(self.data["themes"])}
        self.groups = {
            g["slug"]: self._target_group(g, i) for i, g in enumerate(self.data["target_groups"])
        }
        wijk_index = WijkIndexPage.objects.child_of(home).get()
        self.wijken = {w["slug"]: self._wijk(wijk_index, w) for w in self.data["wijken"]}
        self.places = {p["slug"]: self._place(p) for p in self.data["places"]}
        org_index = OrganisationIndexPage.objects.child_of(home).get()
        self.organisations = {
            o["slug"]: self._organisation(org_index, o) for o in self.data["organisations"]
        }
        service_index = ServiceIndexPage.objects.child_of(home).get()
        for item in self.data["services"]:
            self._service(service_index, item)
        self._sociaal_loket_hours(home)
        demo_loaded.send(sender=DemoLoader, data=self.data)
        return self.report

    def _sociaal_loket_hours(self, home) -> None:
        """Point the site settings at the demo's sociaal loket, unless an editor chose one."""
        from cms.models import ServicePage, SiteSettings

        site_settings = SiteSettings.for_site(home.get_site())
        loket = ServicePage.objects.filter(slug=SOCIAAL_LOKET_SLUG).first()
        if site_settings.sociaal_loket_hours_id is None and loket is not None:
            site_settings.sociaal_loket_hours = loket
            site_settings.save(update_fields=["sociaal_loket_hours"])

    def _theme(self, item, order):
        theme, created = Theme.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "description": item.get("description", ""),
                "icon": item.get("icon", ""),
                "sort_order": order,
            },
        )
        if created:
            self.report.add("themes")
        return theme

    def _target_group(self, item, order):
        group, created = TargetGroup.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"], "sort_order": order}
        )
        if created:
            self.report.add("target_groups")
        return group

    def _wijk(self, index, item):
        existing = WijkPage.objects.filter(slug=item["slug"]).first()
        if existing:
            return existing
        wijk = WijkPage(
            title=item["name"],
            slug=item["slug"],
            town=item.get("town", "Uithoorn"),
            intro=item["intro"],
            boundary=item["boundary"],
        )
        for person in item.get("sleutelpersonen", []):
            wijk.sleutelpersonen.add(
                Sleutelpersoon(
                    name=person["name"],
                    role=person.get("role", ""),
                    helps_with=person["helps_with"],
                    how_to_reach=person["how_to_reach"],
                    when=person.get("when", ""),
                    phone=person.get("phone", ""),
                    email=person.get("email", ""),
                )
            )
        self.report.add("wijken")
        return _publish(index, wijk)

    def _place(self, item):
        place = Place.objects.filter(slug=item["slug"]).first()
        if place:
            return place
        place = Place(
            slug=item["slug"],
            name=item["name"],
            street=item["street"],
            number=item["number"],
            postcode=item["postcode"],
            town=item.get("town", "Uithoorn"),
            latitude=item["lat"],
            longitude=item["lon"],
            wheelchair_accessible=item.get("wheelchair_accessible", False),
            description=item.get("description", ""),
        )
        place.full_clean(exclude=["wijk"])
        place.save()
        self.report.add("places")
        return place

    def _organisation(self, index, item):
        existing = OrganisationPage.objects.filter(slug=item["slug"]).first()
        if existing:
            return existing
        organisation = OrganisationPage(
            title=item["name"],
            slug=item["slug"],
            description=item["description"],
            website=item.get("website", ""),
            phone=item.get("phone", ""),
            email=item.get("email", ""),
        )
        organisation.places = [self.places[s] for s in item.get("places", [])]
        self.report.add("organisations")
        return _publish(index, organisation)

    def _service(self, index, item):
        if ServicePage.objects.filter(slug=item["slug"]).exists():
            return
        contact = item.get("contact_person") or {}
        service = ServicePage(
            title=item["title"],
            slug=item["slug"],
            organisation=self.organisations[item["organisation"]],
            summary=item["summary"],
            body=[("paragraph", f"<p>{html.escape(paragraph)}</p>") for paragraph in item["body"]],
            cost=item["cost"],
            access=item["access"],
            languages=item.get("languages", ["nl"]),
            wheelchair_accessible=item.get("wheelchair_accessible"),
            hearing_loop=item.get("hearing_loop", False),
            accessibility_notes=item.get("accessibility_notes", ""),
            at_home=item.get("at_home", False),
            by_phone_or_online=item.get("by_phone_or_online", False),
            whole_municipality=item.get("whole_municipality", True),
            phone=item.get("phone", ""),
            email=item.get("email", ""),
            website=item.get("website", ""),
            last_checked=datetime.date.fromisoformat(item["last_checked"]),
            referral_route=item.get("referral_route", ""),
            intake_criteria=item.get("intake_criteria", ""),
            legal_framework=item.get("legal_framework", ""),
            contact_person_name=contact.get("name", ""),
            contact_person_role=contact.get("role", ""),
            contact_person_phone=contact.get("phone", ""),
            contact_person_email=contact.get("email", ""),
        )
        service.themes = [self.themes[s] for s in item.get("themes", [])]
        service.target_groups = [self.groups[s] for s in item.get("target_groups", [])]
        service.places = [self.places[s] for s in item.get("places", [])]
        service.wijken = [self.wijken[s] for s in item.get("wijken", [])]
        for order, text in enumerate(item.get("helps_with", [])):
            service.phrases.add(ServicePhrase(text=text, sort_order=order))
        schedule = item.get("schedule") or {}
        service.closed_on_public_holidays = schedule.get("closed_on_public_holidays", True)
        for order, rule in enumerate(schedule.get("rules", [])):
            service.opening_rules.add(
                ServiceOpeningRule(
                    sort_order=order,
                    frequency=rule.get("frequency", "weekly"),
                    weekday=rule["weekday"],
                    start_time=_time(rule["start"]),
                    end_time=_time(rule["end"]),
                    interval=rule.get("interval") or 1,
                    week_of_month=rule.get("week_of_month"),
                    valid_from=_date_or_none(rule.get("valid_from")),
                    valid_until=_date_or_none(rule.get("valid_until")),
                    place=self.places.get(rule.get("place") or ""),
                )
            )
        for order, exc in enumerate(schedule.get("exceptions", [])):
            service.schedule_exceptions.add(
                ServiceScheduleException(
                    sort_order=order,
                    date=resolve_date(exc, self.today),
                    kind=exc["kind"],
                    start_time=_time(exc.get("start")),
                    end_time=_time(exc.get("end")),
                    reason=exc.get("reason", ""),
                    place=self.places.get(exc.get("place") or ""),
                )
            )
        self.report.add("services")
        _publish(index, service)


def _date_or_none(value):
    return datetime.date.fromisoformat(value) if value else None


def load_catalogue(path: Path = CATALOGUE, today: datetime.date | None = None) -> LoadReport:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return DemoLoader(data, today=today).run()
