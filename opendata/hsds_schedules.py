"""Opening hours as HSDS 3.0 schedule rows (iCalendar recurrence fields).

Pure: takes the rules of ``agenda.schedules`` and returns plain dicts. Each regular rule becomes
one row (``freq``/``interval``/``byday``/``dtstart``/``wkst``, ``opens_at``/``closes_at``,
``valid_from``/``valid_to``); an extra one-off session becomes a row with ``count`` 1. What
HSDS cannot express, closed days and public holidays, goes into ``notes`` in plain Dutch,
and ``schedule_link`` points at our iCal feed, which has every session exactly.
All dates and times are local Europe/Amsterdam wall-clock time.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from agenda import schedules, wording

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
TIME_NOTE = "Alle tijden zijn in Nederlandse tijd (Europe/Amsterdam)."
HOLIDAY_NOTE = "Gesloten op officiële feestdagen."


@dataclass(frozen=True)
class RowContext:
    """Ids and links the rows refer to."""

    service_id: str
    schedule_link: str = ""
    location_id: str | None = None
    service_at_location_id: str | None = None


def first_occurrence(rule: schedules.Rule) -> datetime.date | None:
    """The first date on or after ``valid_from`` on which the rule happens (RFC 5545 wants
    DTSTART to be the first instance). ``None`` when the rule has no start date."""
    if rule.valid_from is None:
        return None
    start = rule.valid_from
    day = start + datetime.timedelta(days=(rule.weekday - start.weekday()) % 7)
    if rule.frequency == schedules.Frequency.EVERY_N_WEEKS and rule.interval > 1:
        first_monday = start - datetime.timedelta(days=start.weekday())
        weeks = ((day - first_monday).days // 7) % rule.interval
        if weeks:
            day += datetime.timedelta(weeks=rule.interval - weeks)
    elif rule.frequency == schedules.Frequency.MONTHLY:
        while not _nth_weekday_of_month(day, rule.week_of_month):
            day += datetime.timedelta(days=7)
    return day


def _nth_weekday_of_month(day: datetime.date, week_of_month: int | None) -> bool:
    if week_of_month == -1:
        return (day + datetime.timedelta(days=7)).month != day.month
    return (day.day - 1) // 7 + 1 == week_of_month


def _time(value: datetime.time) -> str:
    return value.strftime("%H:%M:%S")


def _base(row_id: str, context: RowContext) -> dict:
    row = {"id": row_id, "service_id": context.service_id}
    if context.location_id:
        row["location_id"] = context.location_id
    if context.service_at_location_id:
        row["service_at_location_id"] = context.service_at_location_id
    if context.schedule_link:
        row["schedule_link"] = context.schedule_link
    return row


def rule_row(row_id: str, rule: schedules.Rule, context: RowContext, notes: str) -> dict:
    row = _base(row_id, context)
    row["wkst"] = "MO"
    if rule.frequency == schedules.Frequency.MONTHLY:
        row.update(freq="MONTHLY", interval=1, byday=f"{rule.week_of_month}{BYDAY[rule.weekday]}")
    else:
        interval = rule.interval if rule.frequency == schedules.Frequency.EVERY_N_WEEKS else 1
        row.update(freq="WEEKLY", interval=interval, byday=BYDAY[rule.weekday])
    first = first_occurrence(rule)
    if first is not None:
        row["dtstart"] = first.isoformat()
    if rule.valid_from:
        row["valid_from"] = rule.valid_from.isoformat()
    if rule.valid_until:
        row["valid_to"] = rule.valid_until.isoformat()
        row["until"] = rule.valid_until.isoformat()
    row.update(
        opens_at=_time(rule.start),
        closes_at=_time(rule.end),
        description=wording.describe_rule(rule),
        notes=notes,
    )
    return row


def extra_row(row_id: str, extra: schedules.ScheduleException, context: RowContext) -> dict:
    """A one-off session: a recurrence with a single instance."""
    row = _base(row_id, context)
    day = extra.date.isoformat()
    reason = f": {extra.reason}" if extra.reason else ""
    row.update(
        freq="WEEKLY",
        interval=1,
        wkst="MO",
        byday=BYDAY[extra.date.weekday()],
        count=1,
        dtstart=day,
        valid_from=day,
        valid_to=day,
        opens_at=_time(extra.start),
        closes_at=_time(extra.end),
        description=f"Extra spreekuur op {wording.format_date(extra.date)}{reason}",
        notes=TIME_NOTE,
    )
    return row


def closure_notes(schedule: schedules.Schedule, today: datetime.date, days: int = 365) -> str:
    """Plain Dutch: holidays and closed days in the coming year, and the time zone."""
    parts = [TIME_NOTE]
    if schedule.closed_on_public_holidays:
        parts.append(HOLIDAY_NOTE)
    closed = [
        f"{wording.format_date(c.date)} ({c.reason})"
        for c in schedules.upcoming_closures(schedule, today, days)
        if not c.public_holiday
    ]
    if closed:
        parts.append("Ook gesloten op " + ", ".join(closed) + ".")
    return " ".join(parts)
