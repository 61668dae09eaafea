"""What every section of the Inzicht page holds: a chart, its table and a few key figures."""

from __future__ import annotations

from dataclasses import dataclass

from .charts import Chart
from .tables import Table


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    tables: tuple[Table, ...]
    chart: Chart | None = None
    facts: tuple[Fact, ...] = ()
