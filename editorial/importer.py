"""Import services from CSV (see service_csv for the format).

`plan_import` checks every cell and lists every problem by row, column and message, and works
out per row whether the service is new, changed or unchanged. `run_import` applies a plan
without problems in one transaction: all rows or none. Unchanged rows are skipped, so
importing the same file twice changes nothing the second time. A changed or new service is
saved as a new revision and published, with the importing user in its history.
"""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cms.models import ServiceIndexPage, ServicePage, ServicePhrase
from cms.translations import source_pages

from . import service_csv
from .service_csv import COLUMNS_BY_NAME, REQUIRED_COLUMNS, CellError

HEADER_ROW = 1


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


@dataclass
class RowPlan:
    row: int
    slug: str
    action: str  # "create" | "update" | "unchanged"
    values: dict = field(default_factory=dict)  # column name -> parsed value
    changed: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    rows: list[RowPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


def _check_header(header, plan) -> list[str]:
    names = [name.strip().lower() for name in header]
    for name in names:
        if name not in COLUMNS_BY_NAME:
            plan.problems.append(Problem(HEADER_ROW, name, _("Deze kolom kennen we niet.")))
    for name in {n for n in names if names.count(n) > 1}:
        plan.problems.append(Problem(HEADER_ROW, name, _("Deze kolom staat er twee keer in.")))
    for name in REQUIRED_COLUMNS:
        if name not in names:
            plan.problems.append(Problem(HEADER_ROW, name, _("Deze kolom is verplicht.")))
    return names


def _existing_services():
    index = source_pages(ServiceIndexPage.objects.all()).first()
    if index is None:
        return {}
    return {
        page.slug: page
        for page in ServicePage.objects.child_of(index)
        .select_related("organisation", "responsible")
        .prefetch_related("themes", "target_groups", "places", "wijken", "phrases")
    }


def _plan_row(row_number, names, cells, existing, plan) -> RowPlan | None:
    if len(cells) != len(names):
        plan.problems.append(
            Problem(
                row_number,
                "",
                _("Deze rij heeft %(found)d cellen in plaats van %(expected)d.")
                % {"found": len(cells), "expected": len(names)},
            )
        )
        return None
    values, row_problems = {}, []
    for name, raw in zip(names, cells, strict=True):
        column = COLUMNS_BY_NAME.get(name)
        if column is None:
            continue
        try:
            values[name] = service_csv.parse(column, raw)
        except CellError as error:
            row_problems.append(Problem(row_number, name, str(error)))
    plan.problems.extend(row_problems)
    slug = values.get("slug", "")
    if row_problems or not slug:
        return None
    service = existing.get(slug)
    if service is None:
        return RowPlan(row_number, slug, "create", values, changed=list(values))
    if not service.live or service.has_unpublished_changes:
        plan.problems.append(
            Problem(
                row_number,
                "slug",
                _(
                    "Deze voorziening heeft een concept dat nog niet gepubliceerd is. "
                    "Publiceer of verwijder het concept eerst."
                ),
            )
        )
        return None
    changed = [
        name
        for name, value in values.items()
        if service_csv.fmt(COLUMNS_BY_NAME[name], value)
        != service_csv.fmt(
            COLUMNS_BY_NAME[name], service_csv.current(service, COLUMNS_BY_NAME[name])
        )
    ]
    return RowPlan(row_number, slug, "update" if changed else "unchanged", values, changed)


def plan_import(data: bytes) -> ImportPlan:
    plan = ImportPlan()
    try:
        records = service_csv.read(data)
    except CellError as error:
        plan.problems.append(Problem(HEADER_ROW, "", str(error)))
        return plan
    records = [r for r in records if any(cell.strip() for cell in r)]
    if not records:
        plan.problems.append(Problem(HEADER_ROW, "", _("Het bestand is leeg.")))
        return plan
    names = _check_header(records[0], plan)
    if plan.problems:
        return plan
    existing = _existing_services()
    seen = {}
    for offset, cells in enumerate(records[1:]):
        row_number = HEADER_ROW + 1 + offset
        row = _plan_row(row_number, names, cells, existing, plan)
        if row is None:
            continue
        if row.slug in seen:
            plan.problems.append(
                Problem(
                    row_number,
                    "slug",
                    _("Deze korte naam staat ook al in rij %(row)d.") % {"row": seen[row.slug]},
                )
            )
            continue
        seen[row.slug] = row_number
        plan.rows.append(row)
    return plan


def _apply_values(service: ServicePage, values: dict) -> None:
    for name, value in values.items():
        column = COLUMNS_BY_NAME[name]
        if column.kind == "phrases":
            service.phrases = [
                ServicePhrase(text=text, sort_order=order) for order, text in enumerate(value)
            ]
        else:
            setattr(service, column.attr, value)


class _RowFailed(Exception):
    def __init__(self, problems):
        self.problems = problems


def _save_row(index, existing, row, user) -> None:
    if row.action == "create":
        service = ServicePage(title=row.values["title"], slug=row.slug)
        _apply_values(service, row.values)
        index.add_child(instance=service)
    else:
        service = existing[row.slug]
        _apply_values(service, {name: row.values[name] for name in row.changed})
    service.save_revision(user=user, log_action=True).publish(user=user)


@transaction.atomic
def _apply(plan: ImportPlan, user) -> None:
    index = source_pages(ServiceIndexPage.objects.all()).get()
    existing = _existing_services()
    for row in plan.rows:
        if row.action == "unchanged":
            continue
        try:
            _save_row(index, existing, row, user)
        except ValidationError as error:
            raise _RowFailed(list(_problems(row.row, error))) from error


def _problems(row_number, error: ValidationError):
    items = error.error_dict.items() if hasattr(error, "error_dict") else [("", error.error_list)]
    for name, errors in items:
        for message in ValidationError(errors).messages:
            yield Problem(row_number, "" if name == NON_FIELD_ERRORS else name, message)


def run_import(data: bytes, *, user=None, dry_run: bool = False) -> ImportPlan:
    plan = plan_import(data)
    if plan.ok and not dry_run:
        try:
            _apply(plan, user)
        except _RowFailed as failed:
            plan.problems.extend(failed.problems)
        else:
            plan.applied = True
    return plan
