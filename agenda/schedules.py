"""Opening hours and walk-in sessions ("spreekuren") for services and loketten.

Pure Python (no Django): recurring rules, one-off exceptions and Dutch public holidays are
expanded into concrete sessions in Europe/Amsterdam local wall-clock time, so a session at
09:00 stays at 09:00 across the summer/winter time change.

Notes on semantics:
- CLOSED exceptions and public holidays cancel regular (rule) sessions only; EXTRA sessions
  are explicit one-offs and are always kept.
- CHANGED ("andere tijd") replaces all regular sessions of that day by the new times, also on
  a public holiday: the editor chose that day on purpose.
- Rules or exceptions that fail validation are skipped while expanding, so one bad record
  cannot break a public page. Validate on save with `validate_rule` / `validate_exception`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar
from zoneinfo import ZoneInfo

import holidays
from django.utils.translation import gettext_lazy

_T = TypeVar("_T")

TIMEZONE = ZoneInfo("Europe/Amsterdam")

WEEK_OF_MONTH = {
    1: gettext_lazy("eerste"),
    2: gettext_lazy("tweede"),
    3: gettext_lazy("derde"),
    4: gettext_lazy("vierde"),
    -1: gettext_lazy("laatste"),
}  # in the active language when used: Dutch by default, English under /en/


class Frequency(StrEnum):
    WEEKLY = "weekly"
    EVERY_N_WEEKS = "every_n_weeks"
    MONTHLY = "monthly"


class ExceptionKind(StrEnum):
    CLOSED = "closed"
    CHANGED = "changed"  # "andere tijd": other times instead of the regular ones
    EXTRA = "extra"


@dataclass(frozen=True, slots=True)
class Rule:
    weekday: int  # 0 = Monday ... 6 = Sunday
    start: datetime.time
    end: datetime.time
    frequency: Frequency = Frequency.WEEKLY
    interval: int = 1  # EVERY_N_WEEKS: counted from the week of valid_from
    week_of_month: int | None = None  # MONTHLY: 1..4, or -1 for the last one
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None  # inclusive
    place: str = ""


@dataclass(frozen=True, slots=True)
class ScheduleException:
    date: datetime.date
    kind: ExceptionKind
    start: datetime.time | None = None
    end: datetime.time | None = None
    reason: str = ""
    place: str = ""


@dataclass(frozen=True, slots=True)
class Schedule:
    rules: tuple[Rule, ...] = ()
    exceptions: tuple[ScheduleException, ...] = ()
    closed_on_public_holidays: bool = True


@dataclass(frozen=True, slots=True)
class Session:
    start: datetime.datetime  # aware, Europe/Amsterdam
    end: datetime.datetime
    place: str = ""
    extra: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class Closure:
    date: datetime.date
    reason: str
    public_holiday: bool


@dataclass(frozen=True, slots=True)
class DayChange:
    """One day that differs from the regular hours, for "one clear line per changed day".

    `regular` holds the sessions the rules would give; `sessions` what happens instead
    (empty: closed). A day with only extra sessions has `regular == ()`.
    """

    date: datetime.date
    regular: tuple[Session, ...]
    sessions: tuple[Session, ...]
    reason: str = ""
    public_holiday: bool = False

    @property
    def closed(self) -> bool:
        return not self.sessions

    @property
    def only_extra(self) -> bool:
        return not self.regular


class ScheduleError(ValueError):
    """Invalid rule or exception. The message is Dutch (B1) and meant for editors."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field  # name of the offending field, handy for form errors


def validate_rule(rule: Rule) -> None:
    if not 0 <= rule.weekday <= 6:
        raise ScheduleError("Kies een dag van maandag tot en met zondag.", "weekday")
    if rule.end <= rule.start:
        raise ScheduleError("De eindtijd moet na de begintijd liggen.", "end")
    if rule.valid_from and rule.valid_until and rule.valid_until < rule.valid_from:
        raise ScheduleError("De einddatum mag niet voor de begindatum liggen.", "valid_until")
    if rule.frequency == Frequency.EVERY_N_WEEKS:
        if rule.interval < 1:
            raise ScheduleError("Het aantal weken moet 1 of meer zijn.", "interval")
        if rule.valid_from is None:
            raise ScheduleError(
                "Vul een begindatum in. Die is nodig om de weken te tellen.", "valid_from"
            )
    elif rule.frequency == Frequency.MONTHLY and rule.week_of_month not in WEEK_OF_MONTH:
        raise ScheduleError(
            "Kies welke week van de maand: de eerste, tweede, derde, vierde of laatste.",
            "week_of_month",
        )


def validate_exception(exc: ScheduleException) -> None:
    if exc.kind == ExceptionKind.EXTRA and (exc.start is None or exc.end is None):
        raise ScheduleError("Vul een begintijd en een eindtijd in voor het extra spreekuur.")
    if exc.kind == ExceptionKind.CHANGED and (exc.start is None or exc.end is None):
        raise ScheduleError("Vul de nieuwe begintijd en eindtijd in.")
    if (exc.start is None) != (exc.end is None):
        raise ScheduleError(
            "Vul allebei de tijden in. Of laat allebei leeg als het de hele dag dicht is."
        )
    if exc.start is not None and exc.end is not None and exc.end <= exc.start:
        raise ScheduleError("De eindtijd moet na de begintijd liggen.", "end")


def _is_valid(check: Callable[[_T], None], item: _T) -> bool:
    try:
        check(item)
    except ScheduleError:
        return False
    return True


@lru_cache(maxsize=64)
def _holidays_for_year(year: int) -> dict[datetime.date, str]:
    """Cached and shared: never mutate the result."""
    language = "nl" if "nl" in getattr(holidays.NL, "supported_languages", ()) else None
    found = holidays.country_holidays("NL", years=year, language=language)
    return dict(sorted(found.items()))


def dutch_public_holidays(year: int) -> dict[datetime.date, str]:
    """Dutch public holidays of `year` with their Dutch names (cached per year)."""
    return dict(_holidays_for_year(year))


def aware(value: datetime.datetime) -> datetime.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("Expected a timezone-aware datetime.")
    return value.astimezone(TIMEZONE)


def _local(day: datetime.date, time: datetime.time) -> datetime.datetime:
    # The round trip through UTC normalises non-existent times (in the DST gap).
    naive = datetime.datetime.combine(day, time.replace(tzinfo=None))
    return naive.replace(tzinfo=TIMEZONE).astimezone(datetime.UTC).astimezone(TIMEZONE)


def _overlaps(session: Session, start: datetime.datetime, end: datetime.datetime) -> bool:
    return session.start < end and session.end > start


def _rule_occurs(rule: Rule, day: datetime.date) -> bool:
    if day.weekday() != rule.weekday:
        return False
    if (rule.valid_from and day < rule.valid_from) or (rule.valid_until and day > rule.valid_until):
        return False
    if rule.frequency == Frequency.EVERY_N_WEEKS:
        anchor = rule.valid_from or day  # valid_from is required by validate_rule
        first_monday = anchor - datetime.timedelta(days=anchor.weekday())
        return ((day - first_monday).days // 7) % rule.interval == 0
    if rule.frequency == Frequency.MONTHLY:
        if rule.week_of_month == -1:
            return (day + datetime.timedelta(days=7)).month != day.month
        return (day.day - 1) // 7 + 1 == rule.week_of_month
    return True


@dataclass(frozen=True, slots=True)
class _Day:
    date: datetime.date
    sessions: list[Session]
    regular: list[Session]  # what the rules alone would give
    closure: Closure | None = None
    changed: bool = False  # an exception touched this day

    def change(self) -> DayChange | None:
        if not self.changed and self.closure is None:
            return None
        closure = self.closure
        reason = closure.reason if closure else ""
        if not reason or reason == CLOSED_REASON:
            reason = next((s.note for s in self.sessions if s.note), reason)
        return DayChange(
            date=self.date,
            regular=tuple(self.regular),
            sessions=tuple(self.sessions),
            reason="" if reason == CLOSED_REASON else reason,
            public_holiday=bool(closure and closure.public_holiday),
        )


CLOSED_REASON = "Gesloten"


def _expand_day(
    schedule: Schedule,
    day: datetime.date,
    rules: Iterable[Rule],
    exceptions: Iterable[ScheduleException],
) -> _Day:
    planned = [
        Session(_local(day, r.start), _local(day, r.end), place=r.place)
        for r in rules
        if _rule_occurs(r, day)
    ]
    exceptions = list(exceptions)
    regular = list(planned)
    extras: list[Session] = []
    closure: Closure | None = None
    holiday = _holidays_for_year(day.year).get(day) if schedule.closed_on_public_holidays else ""
    if holiday and regular:
        closure = Closure(day, holiday, public_holiday=True)
        regular = []
    changed = [e for e in exceptions if e.kind == ExceptionKind.CHANGED and e.start and e.end]
    if changed:
        # "Andere tijd": the new times replace every regular session of the day.
        regular = []
        closure = None
        usual_place = planned[0].place if planned else ""
        for exc in changed:
            span = (_local(day, exc.start), _local(day, exc.end))
            extras.append(Session(*span, place=exc.place or usual_place, note=exc.reason))
    for exc in exceptions:
        span = None
        if exc.start is not None and exc.end is not None:
            span = (_local(day, exc.start), _local(day, exc.end))
        if exc.kind == ExceptionKind.EXTRA:
            if span is not None:
                extras.append(Session(*span, place=exc.place, extra=True, note=exc.reason))
            continue
        if exc.kind != ExceptionKind.CLOSED:
            continue
        hit = regular if span is None else [s for s in regular if _overlaps(s, *span)]
        if hit:
            regular = [s for s in regular if s not in hit]
            if closure is None:
                closure = Closure(day, exc.reason or CLOSED_REASON, public_holiday=False)
    sessions = sorted(regular + extras, key=lambda s: (s.start, s.end, s.place))
    touched = bool(extras) or closure is not None
    return _Day(day, sessions, planned, closure, touched)


EXPANSIONS_KEPT = 8192  # (schedule, first, last) expansions remembered per process


@lru_cache(maxsize=EXPANSIONS_KEPT)
def _expand(schedule: Schedule, first: datetime.date, last: datetime.date) -> tuple[_Day, ...]:
    """Expand every local date in [first, last] (inclusive).

    Remembered: a schedule, its rules and exceptions are immutable, and a search result
    page asks the same two weeks of the same schedules again and again (the opening
    sentence and the next session of every card)."""
    return tuple(_expand_days(schedule, first, last))


def _expand_days(schedule: Schedule, first: datetime.date, last: datetime.date):
    rules = [r for r in schedule.rules if _is_valid(validate_rule, r)]
    by_date: dict[datetime.date, list[ScheduleException]] = defaultdict(list)
    for exc in schedule.exceptions:
        if first <= exc.date <= last and _is_valid(validate_exception, exc):
            by_date[exc.date].append(exc)
    day = first
    while day <= last:
        yield _expand_day(schedule, day, rules, by_date.get(day, ()))
        day += datetime.timedelta(days=1)


def sessions_between(
    schedule: Schedule, start: datetime.datetime, end: datetime.datetime
) -> list[Session]:
    """All sessions overlapping [start, end), sorted by start."""
    start, end = aware(start), aware(end)
    if end <= start:
        return []
    found = [
        session
        for expanded in _expand(schedule, start.date(), end.date())
        for session in expanded.sessions
        if _overlaps(session, start, end)
    ]
    return sorted(found, key=lambda s: (s.start, s.end, s.place))


def sessions_on(schedule: Schedule, day: datetime.date) -> list[Session]:
    """Sessions on one local calendar day."""
    return list(_expand(schedule, day, day)[0].sessions)


def next_sessions(
    schedule: Schedule, now: datetime.datetime, count: int = 5, horizon_days: int = 400
) -> list[Session]:
    """The next `count` sessions that have not ended yet; an ongoing session comes first."""
    if count <= 0:
        return []
    now = aware(now)
    # Look a little ahead first: most schedules have their next sessions within weeks, and
    # expanding a whole year of rules for every result would be wasted work.
    for days in (14, 62, horizon_days):
        days = min(days, horizon_days)
        found = sessions_between(schedule, now, now + datetime.timedelta(days=days))
        if len(found) >= count or days == horizon_days:
            return found[:count]
    return []


def current_session(schedule: Schedule, now: datetime.datetime) -> Session | None:
    now = aware(now)
    for session in sessions_on(schedule, now.date()):
        if session.start <= now < session.end:
            return session
    return None


def is_open(schedule: Schedule, now: datetime.datetime) -> bool:
    return current_session(schedule, now) is not None


def upcoming_closures(schedule: Schedule, today: datetime.date, days: int = 60) -> list[Closure]:
    """Dates in [today, today + days) on which a regular session is cancelled."""
    if days <= 0:
        return []
    last = today + datetime.timedelta(days=days - 1)
    return [d.closure for d in _expand(schedule, today, last) if d.closure is not None]


def upcoming_changes(schedule: Schedule, today: datetime.date, days: int = 60) -> list[DayChange]:
    """Days in [today, today + days) that differ from the regular hours, one per day.

    Closed days (holidays included), days with other times and days with an extra session.
    """
    if days <= 0:
        return []
    last = today + datetime.timedelta(days=days - 1)
    return [c for d in _expand(schedule, today, last) if (c := d.change()) is not None]
