"""'Wie doet wat': services grouped by organisation, with the contact persons, for professionals.

The page renders every entry once and marks the ones that do not match the filters as hidden,
so the plain GET form works without JavaScript and the small script (static/js/whos-who.js)
can filter at once with exactly the same rules: every word of the search text must occur in
the entry's normalised search text (``search_text``), and the theme, legal framework and
target group must match their slugs.

Also the 'Doorverwijzen' e-mail link: a subject and text for a warm handover, without any
client data. Nothing about a referral is stored.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from django.utils.http import urlencode
from django.utils.translation import gettext as _

from cms.models import LegalFramework, ServicePage, TargetGroup, Theme
from cms.spreadsheet import safe_row
from cms.translations import source_pages

MAX_QUERY_LENGTH = 100


def normalise(text: str) -> str:
    """Lower case without accents, words separated by one space (the script does the same)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@dataclass(frozen=True)
class Filters:
    q: str = ""
    theme: str = ""
    legal_framework: str = ""
    target_group: str = ""

    @classmethod
    def from_query(cls, data) -> "Filters":
        """``data``: request.GET. Values are only stripped and shortened; unknown ones match
        nothing, which the page says in words."""

        def value(name: str) -> str:
            return " ".join(str(data.get(name, "")).split())[:MAX_QUERY_LENGTH]

        return cls(
            q=value("q"),
            theme=value("thema"),
            legal_framework=value("kader"),
            target_group=value("doelgroep"),
        )

    def as_params(self) -> dict[str, str]:
        params = {
            "q": self.q,
            "thema": self.theme,
            "kader": self.legal_framework,
            "doelgroep": self.target_group,
        }
        return {name: value for name, value in params.items() if value}

    def query(self, **extra: str) -> str:
        return urlencode({**self.as_params(), **extra})

    @property
    def active(self) -> bool:
        return bool(self.as_params())


@dataclass(frozen=True)
class Named:
    slug: str
    name: str


@dataclass(frozen=True)
class Entry:
    """One service as a professional needs it for a referral."""

    service: ServicePage
    title: str
    url: str
    organisation: str
    contact_name: str
    contact_role: str
    phone: str
    email: str
    themes: tuple[Named, ...]
    legal_framework: Named | None
    target_groups: tuple[Named, ...]
    referral_route: str
    referral_form_url: str
    referral_mailto: str
    search_text: str

    @property
    def theme_slugs(self) -> str:
        return " ".join(theme.slug for theme in self.themes)

    @property
    def target_group_slugs(self) -> str:
        return " ".join(group.slug for group in self.target_groups)

    def matches(self, filters: Filters) -> bool:
        words = normalise(filters.q).split()
        return (
            all(word in self.search_text for word in words)
            and (not filters.theme or filters.theme in {t.slug for t in self.themes})
            and (
                not filters.legal_framework
                or (self.legal_framework and self.legal_framework.slug == filters.legal_framework)
            )
            and (
                not filters.target_group
                or filters.target_group in {g.slug for g in self.target_groups}
            )
        )


@dataclass(frozen=True)
class Listed:
    entry: Entry
    visible: bool


@dataclass(frozen=True)
class OrganisationGroup:
    title: str
    url: str
    entries: tuple[Listed, ...]

    @property
    def visible(self) -> bool:
        return any(listed.visible for listed in self.entries)


@dataclass(frozen=True)
class Overview:
    filters: Filters
    groups: tuple[OrganisationGroup, ...]

    @property
    def entries(self) -> list[Entry]:
        return [listed.entry for group in self.groups for listed in group.entries]

    @property
    def matching(self) -> list[Entry]:
        return [listed.entry for group in self.groups for listed in group.entries if listed.visible]

    @property
    def visible_count(self) -> int:
        return len(self.matching)

    @property
    def visible_organisations(self) -> int:
        return sum(1 for group in self.groups if group.visible)


def services():
    return (
        source_pages(ServicePage.objects.live())
        .public()
        .select_related("organisation")
        .prefetch_related("themes", "target_groups")
        .order_by("organisation__title", "title")
    )


def entry_for(service: ServicePage) -> Entry:
    themes = tuple(Named(theme.slug, theme.name) for theme in service.themes.all())
    groups = tuple(Named(group.slug, group.name) for group in service.target_groups.all())
    framework = (
        Named(service.legal_framework, service.get_legal_framework_display())
        if service.legal_framework
        else None
    )
    organisation = service.organisation.title if service.organisation else ""
    phone = service.contact_person_phone or service.phone
    email = service.contact_person_email or service.email
    words = [
        service.title,
        organisation,
        service.summary,
        service.contact_person_name,
        service.contact_person_role,
        email,
        service.referral_route,
        framework.name if framework else "",
        *(theme.name for theme in themes),
        *(group.name for group in groups),
    ]
    return Entry(
        service=service,
        title=service.title,
        url=service.url or "",
        organisation=organisation,
        contact_name=service.contact_person_name,
        contact_role=service.contact_person_role,
        phone=phone,
        email=email,
        themes=themes,
        legal_framework=framework,
        target_groups=groups,
        referral_route=service.referral_route,
        referral_form_url=service.referral_form_url,
        referral_mailto=referral_mailto(service),
        search_text=normalise(" ".join(words)),
    )


def overview(filters: Filters) -> Overview:
    by_organisation: dict[int | None, list[ServicePage]] = {}
    for service in services():
        by_organisation.setdefault(service.organisation_id, []).append(service)
    groups = []
    for group in by_organisation.values():
        organisation = group[0].organisation
        entries = [entry_for(service) for service in group]
        groups.append(
            OrganisationGroup(
                title=organisation.title if organisation else _("Zonder aanbieder"),
                url=(organisation.url or "") if organisation else "",
                entries=tuple(Listed(entry, entry.matches(filters)) for entry in entries),
            )
        )
    return Overview(filters=filters, groups=tuple(groups))


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
    "hoe verwijst u door",
    "aanmeldformulier",
)


def to_csv(entries: list[Entry]) -> str:
    """One row per service and theme, like the printed overview of old."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_HEADER)
    for entry in entries:
        for theme in [t.name for t in entry.themes] or [_("Zonder thema")]:
            writer.writerow(
                safe_row(
                    (
                        entry.organisation,
                        theme,
                        entry.title,
                        entry.legal_framework.name if entry.legal_framework else "",
                        ", ".join(group.name for group in entry.target_groups),
                        entry.contact_name,
                        entry.contact_role,
                        entry.phone,
                        entry.email,
                        entry.referral_route,
                        entry.referral_form_url,
                    )
                )
            )
    return out.getvalue()


def filter_choices():
    return {
        "themes": Theme.objects.all(),
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
