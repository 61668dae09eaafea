"""The one place that reads each anonymous log. When a log's schema changes, only this file
changes: the rest of Inzicht works on the plain records returned here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Sum

from .period import Period


@dataclass(frozen=True)
class DemandRecord:
    """Searches (or wegwijzer results) on one day for one theme and wijk ('' = unknown)."""

    day: datetime.date
    theme: str
    wijk: str
    count: int
    without_results: int = 0


@dataclass(frozen=True)
class UnansweredRecord:
    text: str
    times: int
    last_asked: datetime.datetime


def search_demand(period: Period) -> list[DemandRecord]:
    from search.models import SearchDemand

    rows = (
        SearchDemand.objects.filter(day__gte=period.start, day__lte=period.end)
        .values("day", "theme", "wijk")
        .annotate(count=Sum("searches"), empty=Sum("without_results"))
        .order_by()
    )
    return [DemandRecord(r["day"], r["theme"], r["wijk"], r["count"], r["empty"]) for r in rows]


def wegwijzer_choices(period: Period) -> list[DemandRecord]:
    from wegwijzer.models import ChoiceCount

    rows = (
        ChoiceCount.objects.filter(day__gte=period.start, day__lte=period.end)
        .values("day", "theme", "wijk")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return [DemandRecord(r["day"], r["theme"], r["wijk"], r["total"]) for r in rows]


def unanswered_questions(period: Period, limit: int = 25) -> list[UnansweredRecord]:
    """Questions with no or few results last asked in the period, most asked first."""
    from search.models import UnansweredQuery

    rows = (
        UnansweredQuery.objects.filter(
            last_asked__date__gte=period.start, last_asked__date__lte=period.end
        )
        .order_by("-times", "-last_asked")
        .values_list("text", "times", "last_asked")[:limit]
    )
    return [UnansweredRecord(*row) for row in rows]
