"""A table of Inzicht: the numbers beside each chart, and the same numbers as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from .privacy import shown

Value = int | str  # an int is a count (small ones are hidden); a str is shown as it is


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[Value, ...]
    notes: tuple[str, ...] = ()  # e.g. residents' comments, listed under the row

    @property
    def cells(self) -> list[str]:
        return [shown(value) if isinstance(value, int) else value for value in self.values]


@dataclass(frozen=True)
class Table:
    key: str  # the name in the CSV link: ?tabel=<key>&formaat=csv
    title: str
    columns: tuple[str, ...]  # the first one heads the row labels
    rows: tuple[Row, ...]
    empty_text: str = ""

    def column(self, name: str) -> list[str]:
        position = self.columns.index(name) - 1
        return [row.cells[position] for row in self.rows]

    def row(self, label: str) -> Row | None:
        return next((row for row in self.rows if row.label == label), None)


def to_csv(table: Table) -> str:
    """`;`-separated with a BOM, so Excel with Dutch settings opens it directly."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    has_notes = any(row.notes for row in table.rows)
    writer.writerow([*table.columns, *(["opmerkingen"] if has_notes else [])])
    for row in table.rows:
        notes = [" | ".join(row.notes)] if has_notes else []
        writer.writerow([row.label, *row.cells, *notes])
    return out.getvalue()
