"""The date range of the Inzicht page, read from a GET form, and its time buckets."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

DEFAULT_DAYS = 12 * 7
MAX_DAYS = 3 * 366
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


class Granularity:
    DAY = "dag"
    WEEK = "week"
    MONTH = "maand"


@dataclass(frozen=True)
class Bucket:
    start: datetime.date
    end: datetime.date  # inclusive
    label: str


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def granularity(self) -> str:
        if self.days <= 31:
            return Granularity.DAY
        if self.days <= 26 * 7:
            return Granularity.WEEK
        return Granularity.MONTH

    def buckets(self) -> list[Bucket]:
        found = []
        day = self.start
        while day <= self.end:
            start, end, label = _bucket_around(day, self.granularity)
            found.append(Bucket(max(start, self.start), min(end, self.end), label))
            day = end + datetime.timedelta(days=1)
        return found

    def bucket_index(self) -> dict[datetime.date, int]:
        """Day → position of its bucket."""
        index = {}
        for position, bucket in enumerate(self.buckets()):
            day = bucket.start
            while day <= bucket.end:
                index[day] = position
                day += datetime.timedelta(days=1)
        return index

    def as_text(self) -> str:
        return f"{dutch_date(self.start)} – {dutch_date(self.end)}"


def dutch_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _bucket_around(day: datetime.date, granularity: str):
    if granularity == Granularity.DAY:
        return day, day, f"{day.day} {MONTHS[day.month - 1]}"
    if granularity == Granularity.WEEK:
        monday = day - datetime.timedelta(days=day.weekday())
        year, week, _weekday = monday.isocalendar()
        return monday, monday + datetime.timedelta(days=6), _("week %(week)s") % {"week": week}
    first = day.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1), f"{MONTHS[day.month - 1]} {day.year}"


class PeriodError(ValueError):
    """A date range that cannot be used, with a message for the editor."""


def parse_date(value: str) -> datetime.date | None:
    """'2026-11-30' (what a date picker sends) or '30-11-2026' (typed); '' → None."""
    value = (value or "").strip()
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise PeriodError(
        _(
            "'%(value)s' is geen datum. "
            "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 30-11-2026."
        )
        % {"value": value[:20]}
    )


def read_period(data, today: datetime.date) -> tuple[Period, list[str]]:
    """The period asked for in ``data`` (request.GET: van, tot) and messages about problems.

    Never raises: a wrong date falls back to the default (the last 12 weeks) with a message."""
    errors: list[str] = []
    try:
        start = parse_date(data.get("van", ""))
    except PeriodError as error:
        errors.append(str(error))
        start = None
    try:
        end = parse_date(data.get("tot", ""))
    except PeriodError as error:
        errors.append(str(error))
        end = None
    end = min(end or today, today)
    start = start or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        errors.append(_("De begindatum ligt na de einddatum. We hebben ze omgedraaid."))
        start, end = end, start
    if (end - start).days + 1 > MAX_DAYS:
        errors.append(_("Kies een periode van hoogstens drie jaar. We tonen de laatste drie jaar."))
        start = end - datetime.timedelta(days=MAX_DAYS - 1)
    return Period(start, end), errors
