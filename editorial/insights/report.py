"""The whole Inzicht report for a period: its sections in reading order."""

from __future__ import annotations

from dataclasses import dataclass

from . import demand, upkeep
from .period import Period
from .sections import Section
from .tables import Table


@dataclass(frozen=True)
class Report:
    period: Period
    sections: tuple[Section, ...]

    def table(self, key: str) -> Table | None:
        return next((t for s in self.sections for t in s.tables if t.key == key), None)


def build(period: Period) -> Report:
    return Report(
        period=period,
        sections=(
            *demand.sections(period),
            upkeep.feedback(period),
            upkeep.corrections(period),
            upkeep.review(period),
        ),
    )
