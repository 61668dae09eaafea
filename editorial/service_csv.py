"""The CSV format for services: columns, parsing, canonical formatting, reading and export.

One row per service, keyed by `slug`. Lists are separated by `|`. Yes/no is `ja`/`nee`
(empty for 'onbekend' where allowed). Dates are YYYY-MM-DD (DD-MM-YYYY is accepted too).
Choices are codes (`free`, `walk_in`, `wmo2015`); the Dutch label is accepted on import.
Only `slug`, `title`, `organisation` and `summary` are required columns; a column that is
left out keeps the current value. The body text and opening hours are not in the file.

Export writes `;`-separated UTF-8 with a BOM, so Excel (Dutch settings) opens it directly;
import accepts `;` or `,`, with or without BOM, and falls back to Windows-1252.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms import languages as language_codes
from cms.models import OrganisationPage, Place, ServicePage, TargetGroup, Theme, WijkPage
from cms.spreadsheet import safe_row, unescape
from cms.translations import source_pages

LIST_SEPARATOR = "|"
YES, NO = "ja", "nee"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text | bool | nullbool | choice | date | int | slugs | phrases | codes | org | user
    field: str = ""  # model field, default: the column name
    related: type | None = None  # model for `slugs`

    @property
    def attr(self) -> str:
        return self.field or self.name


COLUMNS = (
    Column("slug", "text"),
    Column("title", "text"),
    Column("organisation", "org"),
    Column("summary", "text"),
    Column("helps_with", "phrases"),
    Column("themes", "slugs", related=Theme),
    Column("target_groups", "slugs", related=TargetGroup),
    Column("cost", "choice"),
    Column("access", "choice"),
    Column("languages", "codes"),
    Column("places", "slugs", related=Place),
    Column("wijken", "slugs", related=WijkPage),
    Column("whole_municipality", "bool"),
    Column("at_home", "bool"),
    Column("by_phone_or_online", "bool"),
    Column("wheelchair_accessible", "nullbool"),
    Column("hearing_loop", "bool"),
    Column("accessibility_notes", "text"),
    Column("phone", "text"),
    Column("email", "text"),
    Column("website", "text"),
    Column("closed_on_public_holidays", "bool"),
    Column("last_checked", "date"),
    Column("review_interval_months", "int"),
    Column("responsible", "user"),
    Column("legal_framework", "choice"),
    Column("referral_route", "text"),
    Column("referral_form_url", "text"),
    Column("intake_criteria", "text"),
    Column("contact_person_name", "text"),
    Column("contact_person_role", "text"),
    Column("contact_person_phone", "text"),
    Column("contact_person_email", "text"),
)
COLUMNS_BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED_COLUMNS = ("slug", "title", "organisation", "summary")


class CellError(ValueError):
    """A value that cannot be used, with a message for the editor."""


def _split(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(LIST_SEPARATOR) if part.strip()]


def _model_field(column):
    return ServicePage._meta.get_field(column.attr)


def _clean_with_model_field(column, value):
    model_field = _model_field(column)
    if model_field.max_length and len(value) > model_field.max_length:
        raise CellError(
            _("Deze tekst is %(count)d tekens lang; het mag hoogstens %(limit)d zijn.")
            % {"count": len(value), "limit": model_field.max_length}
        )
    try:
        return model_field.clean(value, None)
    except ValidationError as error:
        raise CellError(" ".join(error.messages)) from None


def _parse_choice(column, raw):
    field = _model_field(column)
    for code, label in field.choices:
        if raw.casefold() in (str(code).casefold(), str(label).casefold()):
            return code
    if raw == "" and field.blank:
        return ""
    codes = ", ".join(str(code) for code, _label in field.choices)
    raise CellError(
        _("'%(value)s' kan niet. Kies uit: %(codes)s.") % {"value": raw, "codes": codes}
    )


def _parse_date(raw):
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError(_("'%(value)s' is geen datum. Schrijf zo: 2026-10-01.") % {"value": raw})


def _parse_bool(raw, nullable):
    value = raw.casefold()
    if value in (YES, "j", "true", "1"):
        return True
    if value in (NO, "n", "false", "0"):
        return False
    if value == "" and nullable:
        return None
    allowed = _("ja, nee of leeg") if nullable else _("ja of nee")
    raise CellError(
        _("'%(value)s' kan niet. Schrijf %(allowed)s.") % {"value": raw, "allowed": allowed}
    )


def _parse_slugs(column, raw):
    slugs = _split(raw)
    candidates = column.related.objects.filter(slug__in=slugs)
    if issubclass(column.related, Page):
        candidates = source_pages(candidates)
    found = {obj.slug: obj for obj in candidates}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise CellError(_("Onbekend: %(slugs)s.") % {"slugs": ", ".join(unknown)})
    return sorted(found.values(), key=lambda obj: obj.slug)


def _parse_phrases(raw):
    phrases = _split(raw)
    too_long = [p for p in phrases if len(p) > 200]
    if too_long:
        raise CellError(_("Een zin mag hoogstens 200 tekens lang zijn."))
    return phrases


# Line breaks and tabs may stand in a cell; other control characters (NUL included) not.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def parse(column: Column, raw: str):
    """The Python value for a cell, or CellError."""
    raw = unescape((raw or "").strip())
    control = _CONTROL_RE.search(raw)
    if control:
        raise CellError(
            _(
                "Deze cel bevat een onzichtbaar stuurteken (%(code)s) op plaats %(position)d. "
                "Haal het weg: typ de tekst opnieuw of plak hem als platte tekst."
            )
            % {"code": f"U+{ord(control[0]):04X}", "position": control.start() + 1}
        )
    if column.kind == "text":
        return _clean_with_model_field(column, raw)
    if column.kind == "choice":
        return _parse_choice(column, raw)
    if column.kind in ("bool", "nullbool"):
        return _parse_bool(raw, nullable=column.kind == "nullbool")
    if column.kind == "date":
        if not raw:
            raise CellError(_("Vul een datum in."))
        return _parse_date(raw)
    if column.kind == "int":
        try:
            value = int(raw)
        except ValueError:
            raise CellError(_("'%(value)s' is geen heel getal.") % {"value": raw}) from None
        if not 1 <= value <= 60:
            raise CellError(_("Kies een getal van 1 tot en met 60."))
        return value
    if column.kind == "slugs":
        return _parse_slugs(column, raw)
    if column.kind == "phrases":
        return _parse_phrases(raw)
    if column.kind == "codes":
        try:
            return language_codes.normalise(raw.replace(LIST_SEPARATOR, ",").split(","))
        except ValueError as error:
            raise CellError(str(error)) from None
    if column.kind == "org":
        organisations = source_pages(OrganisationPage.objects.all())
        organisation = organisations.filter(slug=raw).first() if raw else None
        if organisation is None:
            raise CellError(
                _("Er is geen organisatie met de korte naam '%(value)s'.") % {"value": raw}
            )
        return organisation
    if column.kind == "user":
        if not raw:
            return None
        user = get_user_model().objects.filter(username=raw).first()
        if user is None:
            raise CellError(_("Er is geen gebruiker '%(value)s'.") % {"value": raw})
        return user
    raise AssertionError(column.kind)


def fmt(column: Column, value) -> str:
    """The canonical text for a value: what export writes and what import compares."""
    if column.kind in ("bool", "nullbool"):
        return "" if value is None else (YES if value else NO)
    if column.kind == "date":
        return value.isoformat() if value else ""
    if column.kind == "int":
        return str(value)
    if column.kind == "slugs":
        return LIST_SEPARATOR.join(sorted(obj.slug for obj in value))
    if column.kind in ("phrases", "codes"):
        return LIST_SEPARATOR.join(value)
    if column.kind == "org":
        return value.slug if value else ""
    if column.kind == "user":
        return value.get_username() if value else ""
    return "" if value is None else str(value)


def current(service: ServicePage, column: Column):
    """The service's value for a column, in the form `parse` returns."""
    if column.kind == "slugs":
        return list(getattr(service, column.attr).all())
    if column.kind == "phrases":
        return [phrase.text for phrase in service.phrases.all()]
    return getattr(service, column.attr)


def read(data: bytes) -> list[list[str]]:
    """All records of a CSV file (header first); raises CellError when unreadable."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise CellError(
            _("Het bestand is geen geldig CSV-bestand: %(error)s") % {"error": error}
        ) from None


def export_rows(services) -> list[list[str]]:
    rows = [[column.name for column in COLUMNS]]
    for service in services:
        rows.append(safe_row(fmt(column, current(service, column)) for column in COLUMNS))
    return rows


def export_services(services=None) -> bytes:
    if services is None:
        services = exportable_services()
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(export_rows(services))
    return out.getvalue().encode("utf-8-sig")


def exportable_services():
    return (
        source_pages(ServicePage.objects.live())
        .select_related("organisation", "responsible")
        .prefetch_related("themes", "target_groups", "places", "wijken", "phrases")
        .order_by("slug")
    )
