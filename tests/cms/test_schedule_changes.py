"""'Andere tijd' exceptions and the one-line-per-day list of changes (agenda.schedules)."""

from __future__ import annotations

import datetime
from datetime import date, time

import icalendar

from agenda.ical import to_ical
from agenda.schedules import (
    TIMEZONE,
    ExceptionKind,
    Rule,
    Schedule,
    ScheduleError,
    ScheduleException,
    current_session,
    is_open,
    next_sessions,
    sessions_on,
    upcoming_changes,
    validate_exception,
)

THU = 3
MORNING = Rule(weekday=THU, start=time(9, 30), end=time(12), place="Loket")
THURSDAY = date(2026, 12, 10)
OTHER_TIME = ScheduleException(
    THURSDAY, ExceptionKind.CHANGED, start=time(13, 30), end=time(16), reason="Teamoverleg"
)


def at(day: date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, time(hour, minute), tzinfo=TIMEZONE)


def test_other_time_replaces_the_regular_session_of_that_day_only() -> None:
    schedule = Schedule(rules=(MORNING,), exceptions=(OTHER_TIME,))
    (session,) = sessions_on(schedule, THURSDAY)
    assert (session.start, session.end) == (at(THURSDAY, 13, 30), at(THURSDAY, 16))
    assert session.place == "Loket"  # no place given: where it normally is
    assert not session.extra
    next_week = sessions_on(schedule, date(2026, 12, 17))
    assert [(s.start.hour, s.start.minute) for s in next_week] == [(9, 30)]


def test_open_now_and_next_session_follow_the_other_time() -> None:
    schedule = Schedule(rules=(MORNING,), exceptions=(OTHER_TIME,))
    assert not is_open(schedule, at(THURSDAY, 10))
    assert is_open(schedule, at(THURSDAY, 14))
    assert current_session(schedule, at(THURSDAY, 15, 59)).end == at(THURSDAY, 16)
    upcoming = next_sessions(schedule, at(THURSDAY, 8), count=2)
    assert [s.start for s in upcoming] == [at(THURSDAY, 13, 30), at(date(2026, 12, 17), 9, 30)]


def test_other_time_goes_into_the_calendar_feed() -> None:
    schedule = Schedule(rules=(MORNING,), exceptions=(OTHER_TIME,))
    feed = icalendar.Calendar.from_ical(
        to_ical(schedule, name="Loket", uid_prefix="loket", now=at(THURSDAY, 7), days=1)
    )
    (event,) = feed.walk("VEVENT")
    assert event.decoded("dtstart") == at(THURSDAY, 13, 30)


def test_other_time_wins_over_a_public_holiday() -> None:
    christmas = date(2031, 12, 25)  # a Thursday
    changed = ScheduleException(christmas, ExceptionKind.CHANGED, time(10), time(11))
    schedule = Schedule(rules=(MORNING,), exceptions=(changed,))
    assert [s.start for s in sessions_on(schedule, christmas)] == [at(christmas, 10)]


def test_other_time_needs_both_new_times() -> None:
    for start, end in ((None, None), (time(13), None), (None, time(13))):
        try:
            validate_exception(ScheduleException(THURSDAY, ExceptionKind.CHANGED, start, end))
        except ScheduleError as error:
            assert "tijd" in str(error)
        else:
            raise AssertionError("an 'andere tijd' without times must be refused")
    bad = ScheduleException(THURSDAY, ExceptionKind.CHANGED, time(16), time(13, 30))
    try:
        validate_exception(bad)
    except ScheduleError as error:
        assert "eindtijd" in str(error)
    else:
        raise AssertionError("end before start must be refused")


def test_changes_list_one_entry_per_changed_day() -> None:
    closed = ScheduleException(date(2026, 12, 17), ExceptionKind.CLOSED, reason="Teamdag")
    extra = ScheduleException(date(2026, 12, 15), ExceptionKind.EXTRA, time(19), time(20))
    schedule = Schedule(rules=(MORNING,), exceptions=(OTHER_TIME, closed, extra))
    changes = upcoming_changes(schedule, date(2026, 12, 7), days=21)
    by_day = {c.date: c for c in changes}
    # 10 Dec other time, 15 Dec extra, 17 Dec closed, 24 Dec regular, 25/26 Dec no session.
    assert sorted(by_day) == [THURSDAY, date(2026, 12, 15), date(2026, 12, 17)]

    other = by_day[THURSDAY]
    assert [s.start for s in other.regular] == [at(THURSDAY, 9, 30)]
    assert [s.start for s in other.sessions] == [at(THURSDAY, 13, 30)]
    assert not other.closed and not other.only_extra and other.reason == "Teamoverleg"

    assert by_day[date(2026, 12, 17)].closed and by_day[date(2026, 12, 17)].reason == "Teamdag"
    assert [s.start.hour for s in by_day[date(2026, 12, 17)].regular] == [9]
    assert by_day[date(2026, 12, 15)].only_extra


def test_changes_list_names_the_public_holiday() -> None:
    schedule = Schedule(rules=(Rule(weekday=4, start=time(9), end=time(12)),))
    (change,) = upcoming_changes(schedule, date(2026, 12, 21), days=7)
    assert change.date == date(2026, 12, 25) and change.closed and change.public_holiday
    assert change.reason == "Eerste kerstdag"
