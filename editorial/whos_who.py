"""'Wie doet wat': organisations × themes with the contact persons, for professionals only.

Also the 'Doorverwijzen' e-mail link: a subject and text for a warm handover, without any
client data. Nothing about a referral is stored.
"""

import csv
import io
from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext as _

from cms.models import LegalFramework, ServicePage, TargetGroup, Theme
from cms.spreadsheet import safe_row


@dataclass(frozen=True)
class Contact:
    service: ServicePage
    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class OrganisationRow:
    title: str
    url: str
    cells: tuple[tuple[Contact, ...], ...]  # one cell per theme column


@dataclass(frozen=True)
class Overview:
    themes: tuple[str, ...]
    rows: tuple[OrganisationRow, ...]
    services: tuple[ServicePage, ...]


def services(legal_framework: str = "", target_group: str = ""):
    queryset = (
        ServicePage.objects.live()
        .public()
        .select_related("organisation")
        .prefetch_related("themes", "target_groups")
        .order_by("organisation__title", "title")
    )
    if legal_framework:
        queryset = queryset.filter(legal_framework=legal_framework)
    if target_group:
        queryset = queryset.filter(target_groups__slug=target_group)
    return queryset.distinct()


def _contact(service) -> Contact:
    return Contact(
        service=service,
        name=service.contact_person_name,
        role=service.contact_person_role,
        phone=service.contact_person_phone or service.phone,
        email=service.contact_person_email or service.email,
    )


def _theme_names(service) -> list[str]:
    return [theme.name for theme in service.themes.all()] or [_("Zonder thema")]


def overview(legal_framework: str = "", target_group: str = "") -> Overview:
    found = list(services(legal_framework, target_group))
    used = {name for service in found for name in _theme_names(service)}
    themes = [t.name for t in Theme.objects.all() if t.name in used]
    themes += sorted(used - set(themes))  # 'Zonder thema'
    by_organisation: dict[int | None, list[ServicePage]] = {}
    for service in found:
        by_organisation.setdefault(service.organisation_id, []).append(service)
    rows = []
    for group in by_organisation.values():
        organisation = group[0].organisation
        cells = tuple(
            tuple(_contact(s) for s in group if theme in _theme_names(s)) for theme in themes
        )
        rows.append(
            OrganisationRow(
                title=organisation.title if organisation else _("Zonder aanbieder"),
                url=organisation.url if organisation else "",
                cells=cells,
            )
        )
    return Overview(themes=tuple(themes), rows=tuple(rows), services=tuple(found))


CSV_HEADER = (
    "organisatie",
    "thema",
    "voorziening",
    "wettelijk kader",
    "doelgroepen",
    "contactpersoon",
    "functie",
    "telefoon",
    "e-mail",
)


def to_csv(found) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_HEADER)
    for service in found:
        contact = _contact(service)
        for theme in _theme_names(service):
            writer.writerow(
                safe_row(
                    service.organisation.title if service.organisation else "",
                    theme,
                    service.title,
                    service.get_legal_framework_display() if service.legal_framework else "",
                    ", ".join(t.name for t in service.target_groups.all()),
                    contact.name,
                    contact.role,
                    contact.phone,
                    contact.email,
                )
            )
    return out.getvalue()


def filter_choices():
    return {
        "legal_frameworks": LegalFramework.choices,
        "target_groups": TargetGroup.objects.all(),
    }


def referral_mailto(service) -> str:
    """A mailto: link to the contact person with a prefilled subject and text (no client data)."""
    address = service.contact_person_email
    if not address:
        return ""
    subject = _("Doorverwijzing: %(service)s") % {"service": service.title}
    body = _(
        "Beste %(name)s,\n\n"
        "Ik wil graag een inwoner naar u doorverwijzen voor '%(service)s'. "
        "Kunnen we kort overleggen over een warme overdracht? Ik ben bereikbaar op: \n\n"
        "Let op: zet geen naam, adres, BSN of andere gegevens van de inwoner in deze e-mail.\n\n"
        "Met vriendelijke groet,\n"
    ) % {"name": service.contact_person_name or _("collega"), "service": service.title}
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject)}&body={quote(body)}"
