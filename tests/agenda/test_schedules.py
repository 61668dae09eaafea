"""Tests for agenda.schedules (pure Python, no Django needed)."""

from __future__ import annotations

import datetime
from datetime import date, time, timedelta

import icalendar
import pytest

from agenda.ical import PRODID, to_ical
from agenda.schedules import (
    TIMEZONE,
    Closure,
    ExceptionKind,
    Frequency,
    Rule,
    Schedule,
    ScheduleError,
    ScheduleException,
    Session,
    current_session,
    dutch_public_holidays,
    is_open,
    next_sessions,
    sessions_between,
    sessions_on,
    upcoming_closures,
    validate_exception,
    validate_rule,
)
from agenda.wording import describe_rule

UTC = datetime.UTC
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
THURSDAY_MORNING = Rule(weekday=THU, start=time(9), end=time(12), place="Pop-up loket")


def local(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=TIMEZONE)


def start_dates(sessions: list[Session]) -> list[date]:
    return [s.start.date() for s in sessions]


def between(schedule: Schedule, first: date, last: date) -> list[Session]:
    """Sessions on the local dates first..last (inclusive)."""
    start = datetime.datetime.combine(first, time(0), tzinfo=TIMEZONE)
    end = datetime.datetime.combine(last + timedelta(days=1), time(0), tzinfo=TIMEZONE)
    return sessions_between(schedule, start, end)


# --- expansion -------------------------------------------------------------------------------


def test_weekly_rule_expands_to_every_matching_weekday() -> None:
    schedule = Schedule(rules=(THURSDAY_MORNING,), closed_on_public_holidays=False)
    sessions = between(schedule, date(2026, 2, 1), date(2026, 2, 28))
    assert start_dates(sessions) == [date(2026, 2, d) for d in (5, 12, 19, 26)]
    first = sessions[0]
    assert first.start == local(2026, 2, 5, 9) and first.end == local(2026, 2, 5, 12)
    assert first.start.tzinfo == TIMEZONE
    assert first.place == "Pop-up loket" and not first.extra


def test_sessions_between_includes_overlapping_sessions_only() -> None:
    schedule = Schedule(rules=(THURSDAY_MORNING,))
    # 11:00-11:30 overlaps; a range ending exactly at 09:00 does not (end exclusive).
    assert len(sessions_between(schedule, local(2026, 2, 5, 11), local(2026, 2, 5, 11, 30))) == 1
    assert sessions_between(schedule, local(2026, 2, 5, 8), local(2026, 2, 5, 9)) == []
    assert sessions_between(schedule, local(2026, 2, 5, 12), local(2026, 2, 5, 13)) == []


def test_every_two_weeks_is_counted_from_week_of_valid_from() -> None:
    # valid_from is a Wednesday: the Tuesday of that same week is "week 0" but lies before
    # valid_from, so the first session is two weeks later.
    rule = Rule(
        weekday=TUE,
        start=time(13, 30),
        end=time(15),
        frequency=Frequency.EVERY_N_WEEKS,
        interval=2,
        valid_from=date(2026, 1, 7),
    )
    sessions = between(Schedule(rules=(rule,)), date(2026, 1, 1), date(2026, 2, 28))
    assert start_dates(sessions) == [date(2026, 1, 20), date(2026, 2, 3), date(2026, 2, 17)]


def test_every_three_weeks_starting_on_the_weekday_itself() -> None:
    rule = Rule(
        weekday=MON,
        start=time(10),
        end=time(11),
        frequency=Frequency.EVERY_N_WEEKS,
        interval=3,
        valid_from=date(2026, 2, 2),
    )
    sessions = between(Schedule(rules=(rule,)), date(2026, 1, 1), date(2026, 3, 31))
    assert start_dates(sessions) == [date(2026, 2, 2), date(2026, 2, 23), date(2026, 3, 16)]


def test_monthly_first_weekday() -> None:
    rule = Rule(MON, time(19), time(21), frequency=Frequency.MONTHLY, week_of_month=1)
    sessions = between(Schedule(rules=(rule,)), date(2026, 1, 1), date(2026, 3, 31))
    assert start_dates(sessions) == [date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2)]


def test_monthly_last_friday_with_five_and_four_fridays() -> None:
    last = Rule(FRI, time(14), time(16), frequency=Frequency.MONTHLY, week_of_month=-1)
    fourth = Rule(FRI, time(10), time(11), frequency=Frequency.MONTHLY, week_of_month=4)
    # January 2026 has five Fridays (last = 30th), February 2026 has four (last = 27th).
    jan = between(Schedule(rules=(last,)), date(2026, 1, 1), date(2026, 1, 31))
    feb = between(Schedule(rules=(last,)), date(2026, 2, 1), date(2026, 2, 28))
    assert start_dates(jan) == [date(2026, 1, 30)]
    assert start_dates(feb) == [date(2026, 2, 27)]
    jan4 = between(Schedule(rules=(fourth,)), date(2026, 1, 1), date(2026, 1, 31))
    assert start_dates(jan4) == [date(2026, 1, 23)]


def test_valid_from_and_valid_until_are_inclusive() -> None:
    rule = Rule(THU, time(9), time(12), valid_from=date(2026, 2, 12), valid_until=date(2026, 2, 26))
    sessions = between(Schedule(rules=(rule,)), date(2026, 1, 1), date(2026, 3, 31))
    assert start_dates(sessions) == [date(2026, 2, 12), date(2026, 2, 19), date(2026, 2, 26)]


def test_invalid_rules_are_skipped_when_expanding() -> None:
    broken = Rule(THU, time(12), time(9))
    schedule = Schedule(rules=(broken, THURSDAY_MORNING))
    assert len(sessions_on(schedule, date(2026, 2, 5))) == 1


# --- daylight saving time --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weekday", "before", "after", "offset_before", "offset_after"),
    [
        (SUN, date(2026, 3, 22), date(2026, 3, 29), 1, 2),  # summer time starts 29 March
        (MON, date(2026, 3, 23), date(2026, 3, 30), 1, 2),
        (SUN, date(2026, 10, 18), date(2026, 10, 25), 2, 1),  # winter time starts 25 October
        (MON, date(2026, 10, 19), date(2026, 10, 26), 2, 1),
    ],
)
def test_local_time_is_kept_across_dst_change(
    weekday: int, before: date, after: date, offset_before: int, offset_after: int
) -> None:
    schedule = Schedule(rules=(Rule(weekday, time(9), time(12)),))
    sessions = between(schedule, before, after)
    assert start_dates(sessions) == [before, after]
    for session, offset in zip(sessions, (offset_before, offset_after), strict=True):
        assert (session.start.hour, session.start.minute) == (9, 0)
        assert (session.end.hour, session.end.minute) == (12, 0)
        assert session.start.utcoffset() == timedelta(hours=offset)
        assert session.end - session.start == timedelta(hours=3)
    # In UTC the session moves by one hour.
    utc_hours = [s.start.astimezone(UTC).hour for s in sessions]
    assert utc_hours == [9 - offset_before, 9 - offset_after]


def test_is_open_uses_local_time_in_summer_and_winter() -> None:
    schedule = Schedule(rules=(THURSDAY_MORNING,))
    # 09:00 local is 08:00 UTC in winter and 07:00 UTC in summer.
    assert is_open(schedule, datetime.datetime(2026, 2, 5, 8, 0, tzinfo=UTC))
    assert not is_open(schedule, datetime.datetime(2026, 7, 2, 6, 59, tzinfo=UTC))
    assert is_open(schedule, datetime.datetime(2026, 7, 2, 7, 0, tzinfo=UTC))


# --- holidays and exceptions -----------------------------------------------------------------


def test_dutch_public_holidays_have_dutch_names() -> None:
    found = dutch_public_holidays(2027)
    assert found[date(2027, 5, 6)] == "Hemelvaartsdag"
    assert found[date(2027, 4, 27)] == "Koningsdag"
    assert found[date(2027, 12, 25)].lower() == "eerste kerstdag"
    # The cached value cannot be changed through the returned dict.
    found.clear()
    assert dutch_public_holidays(2027)


def test_closed_on_public_holiday() -> None:
    ascension = date(2027, 5, 6)  # Hemelvaartsdag, a Thursday
    closed = Schedule(rules=(THURSDAY_MORNING,), closed_on_public_holidays=True)
    open_ = Schedule(rules=(THURSDAY_MORNING,), closed_on_public_holidays=False)
    assert sessions_on(closed, ascension) == []
    assert len(sessions_on(open_, ascension)) == 1
    week = between(closed, date(2027, 5, 1), date(2027, 5, 31))
    assert ascension not in start_dates(week) and date(2027, 5, 13) in start_dates(week)


def test_closed_exception_whole_day() -> None:
    exc = ScheduleException(date(2026, 2, 12), ExceptionKind.CLOSED, reason="Studiedag")
    schedule = Schedule(rules=(THURSDAY_MORNING,), exceptions=(exc,))
    sessions = between(schedule, date(2026, 2, 1), date(2026, 2, 28))
    assert start_dates(sessions) == [date(2026, 2, 5), date(2026, 2, 19), date(2026, 2, 26)]


def test_closed_exception_partial_cancels_only_overlapping_sessions() -> None:
    afternoon = Rule(THU, time(13), time(15), place="Bibliotheek")
    exc = ScheduleException(
        date(2026, 2, 12), ExceptionKind.CLOSED, start=time(10), end=time(11), reason="Overleg"
    )
    schedule = Schedule(rules=(THURSDAY_MORNING, afternoon), exceptions=(exc,))
    sessions = sessions_on(schedule, date(2026, 2, 12))
    assert [(s.start.hour, s.place) for s in sessions] == [(13, "Bibliotheek")]
    # A range touching the session only at its end does not cancel it.
    touching = ScheduleException(date(2026, 2, 19), ExceptionKind.CLOSED, time(12), time(13))
    schedule = Schedule(rules=(THURSDAY_MORNING,), exceptions=(touching,))
    assert len(sessions_on(schedule, date(2026, 2, 19))) == 1


def test_extra_session_is_added_even_on_public_holiday() -> None:
    extra = ScheduleException(
        date(2027, 5, 6),
        ExceptionKind.EXTRA,
        start=time(10),
        end=time(11, 30),
        reason="Hulp bij belastingaangifte",
        place="Gemeentehuis",
    )
    schedule = Schedule(rules=(THURSDAY_MORNING,), exceptions=(extra,))
    sessions = sessions_on(schedule, date(2027, 5, 6))
    assert sessions == [
        Session(
            start=local(2027, 5, 6, 10),
            end=local(2027, 5, 6, 11, 30),
            place="Gemeentehuis",
            extra=True,
            note="Hulp bij belastingaangifte",
        )
    ]


def test_extra_session_on_other_weekday_is_sorted_in() -> None:
    extra = ScheduleException(date(2026, 2, 10), ExceptionKind.EXTRA, time(19), time(20))
    schedule = Schedule(rules=(THURSDAY_MORNING,), exceptions=(extra,))
    sessions = between(schedule, date(2026, 2, 9), date(2026, 2, 13))
    assert start_dates(sessions) == [date(2026, 2, 10), date(2026, 2, 12)]
    assert [s.extra for s in sessions] == [True, False]


# --- now / next ------------------------------------------------------------------------------


def test_next_sessions_includes_ongoing_session_and_respects_count() -> None:
    schedule = Schedule(rules=(THURSDAY_MORNING,))
    now = local(2026, 2, 5, 11, 59)
    sessions = next_sessions(schedule, now, count=3)
    assert start_dates(sessions) == [date(2026, 2, 5), date(2026, 2, 12), date(2026, 2, 19)]
    after = next_sessions(schedule, local(2026, 2, 5, 12), count=1)
    assert start_dates(after) == [date(2026, 2, 12)]
    assert next_sessions(schedule, now, count=0) == []


def test_next_sessions_skips_holidays_and_respects_horizon() -> None:
    schedule = Schedule(rules=(THURSDAY_MORNING,))
    sessions = next_sessions(schedule, local(2027, 5, 1, 0), count=2)
    assert start_dates(sessions) == [date(2027, 5, 13), date(2027, 5, 20)]
    assert next_sessions(schedule, local(2027, 5, 7, 0), horizon_days=5) == []
    assert next_sessions(Schedule(), local(2027, 5, 7, 0)) == []


def test_is_open_boundaries() -> None:
    schedule = Schedule(rules=(THURSDAY_MORNING,))
    assert not is_open(schedule, local(2026, 2, 5, 8, 59, 59))
    assert is_open(schedule, local(2026, 2, 5, 9))  # start inclusive
    assert is_open(schedule, local(2026, 2, 5, 11, 59, 59))
    assert not is_open(schedule, local(2026, 2, 5, 12))  # end exclusive
    assert not is_open(schedule, local(2026, 2, 6, 10))  # Friday
    current = current_session(schedule, local(2026, 2, 5, 10))
    assert current is not None and current.start == local(2026, 2, 5, 9)
    assert current_session(schedule, local(2026, 2, 5, 13)) is None


def test_is_open_with_now_in_utc() -> None:
    schedule = Schedule(rules=(THURSDAY_MORNING,))
    # Winter: local = UTC+1, so 09:00-12:00 local is 08:00-11:00 UTC.
    assert not is_open(schedule, datetime.datetime(2026, 2, 5, 7, 59, tzinfo=UTC))
    assert is_open(schedule, datetime.datetime(2026, 2, 5, 8, 0, tzinfo=UTC))
    assert not is_open(schedule, datetime.datetime(2026, 2, 5, 11, 0, tzinfo=UTC))
    # 11:30 local would be "open" if the UTC clock were read as local time.
    assert not is_open(schedule, datetime.datetime(2026, 2, 5, 11, 30, tzinfo=UTC))


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        is_open(Schedule(), datetime.datetime(2026, 2, 5, 10))


def test_upcoming_closures_lists_holidays_and_explicit_closures() -> None:
    closed = ScheduleException(date(2027, 5, 20), ExceptionKind.CLOSED, reason="Verbouwing")
    partial = ScheduleException(date(2027, 5, 27), ExceptionKind.CLOSED, time(11), time(12))
    no_session = ScheduleException(date(2027, 5, 21), ExceptionKind.CLOSED, reason="Vrijdag")
    schedule = Schedule(rules=(THURSDAY_MORNING,), exceptions=(closed, partial, no_session))
    closures = upcoming_closures(schedule, date(2027, 5, 1), days=26)
    assert closures == [
        Closure(date(2027, 5, 6), "Hemelvaartsdag", public_holiday=True),
        Closure(date(2027, 5, 20), "Verbouwing", public_holiday=False),
    ]
    # The end of the window is exclusive; the partial closure without reason gets a default.
    closures = upcoming_closures(schedule, date(2027, 5, 1), days=27)
    assert closures[-1] == Closure(date(2027, 5, 27), "Gesloten", public_holiday=False)
    # Holidays that do not cancel a session (Koningsdag 2027 is a Tuesday) are not listed.
    assert upcoming_closures(schedule, date(2027, 4, 20), days=10) == []
    # No holiday closures when the service stays open on holidays.
    open_on_holidays = Schedule(rules=(THURSDAY_MORNING,), closed_on_public_holidays=False)
    assert upcoming_closures(open_on_holidays, date(2027, 5, 1), days=10) == []


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "message", "field"),
    [
        (Rule(THU, time(12), time(9)), "De eindtijd moet na de begintijd liggen.", "end"),
        (Rule(THU, time(9), time(9)), "De eindtijd moet na de begintijd liggen.", "end"),
        (Rule(7, time(9), time(12)), "maandag tot en met zondag", "weekday"),
        (
            Rule(THU, time(9), time(12), valid_from=date(2026, 2, 1), valid_until=date(2026, 1, 1)),
            "De einddatum mag niet voor de begindatum liggen.",
            "valid_until",
        ),
        (
            Rule(THU, time(9), time(12), Frequency.EVERY_N_WEEKS, interval=0, valid_from=date.min),
            "1 of meer",
            "interval",
        ),
        (
            Rule(THU, time(9), time(12), Frequency.EVERY_N_WEEKS, interval=2),
            "begindatum",
            "valid_from",
        ),
        (Rule(THU, time(9), time(12), Frequency.MONTHLY), "week van de maand", "week_of_month"),
        (
            Rule(THU, time(9), time(12), Frequency.MONTHLY, week_of_month=5),
            "week van de maand",
            "week_of_month",
        ),
    ],
)
def test_validate_rule_errors(rule: Rule, message: str, field: str) -> None:
    with pytest.raises(ScheduleError, match=message) as info:
        validate_rule(rule)
    assert info.value.field == field
    assert isinstance(info.value, ValueError)


def test_validate_rule_accepts_valid_rules() -> None:
    validate_rule(THURSDAY_MORNING)
    validate_rule(Rule(FRI, time(9), time(12), Frequency.MONTHLY, week_of_month=-1))
    validate_rule(Rule(TUE, time(9), time(12), Frequency.EVERY_N_WEEKS, 2, valid_from=date.today()))
    validate_rule(Rule(THU, time(9), time(12), valid_from=date.min, valid_until=date.min))


@pytest.mark.parametrize(
    "exc",
    [
        ScheduleException(date(2026, 2, 5), ExceptionKind.EXTRA),
        ScheduleException(date(2026, 2, 5), ExceptionKind.EXTRA, start=time(9)),
        ScheduleException(date(2026, 2, 5), ExceptionKind.EXTRA, time(12), time(9)),
        ScheduleException(date(2026, 2, 5), ExceptionKind.CLOSED, start=time(9)),
        ScheduleException(date(2026, 2, 5), ExceptionKind.CLOSED, end=time(9)),
        ScheduleException(date(2026, 2, 5), ExceptionKind.CLOSED, time(12), time(12)),
    ],
)
def test_validate_exception_errors(exc: ScheduleException) -> None:
    with pytest.raises(ScheduleError):
        validate_exception(exc)


def test_validate_exception_accepts_valid_exceptions() -> None:
    validate_exception(ScheduleException(date(2026, 2, 5), ExceptionKind.CLOSED))
    validate_exception(ScheduleException(date(2026, 2, 5), ExceptionKind.CLOSED, time(9), time(10)))
    validate_exception(ScheduleException(date(2026, 2, 5), ExceptionKind.EXTRA, time(9), time(10)))


# --- iCalendar -------------------------------------------------------------------------------


def test_to_ical_round_trip() -> None:
    extra = ScheduleException(
        date(2026, 3, 30), ExceptionKind.EXTRA, time(14), time(15), reason="Energieloket"
    )
    schedule = Schedule(rules=(THURSDAY_MORNING,), exceptions=(extra,))
    now = datetime.datetime(2026, 3, 1, 12, tzinfo=UTC)
    data = to_ical(
        schedule, name="Pop-up loket", uid_prefix="loket-7", now=now, url="https://x.nl/l", days=60
    )
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["X-WR-CALNAME"]) == "Pop-up loket"
    events = list(calendar.walk("VEVENT"))
    expected = sessions_between(schedule, now, now + timedelta(days=60))
    # Thursdays 5 Mar .. 30 Apr (9) + 1 extra - none lost: no Thursday holidays in this window.
    assert len(events) == len(expected) == 10
    uids = [str(e["UID"]) for e in events]
    assert "loket-7-20260305T0900@sociale-kaart" in uids
    assert len(set(uids)) == len(uids)
    assert b"DTSTART;TZID=Europe/Amsterdam:20260402T090000" in data
    assert b"BEGIN:VTIMEZONE" in data
    first = events[0]
    assert first["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert first.decoded("DTSTART") == local(2026, 3, 5, 9)
    assert str(first["SUMMARY"]) == "Pop-up loket"
    assert str(first["LOCATION"]) == "Pop-up loket"
    assert str(first["URL"]) == "https://x.nl/l"
    extra_event = next(e for e in events if e.decoded("DTSTART") == local(2026, 3, 30, 14))
    assert str(extra_event["DESCRIPTION"]) == "Extra spreekuur: Energieloket"
    # After the DST switch the event is still at 09:00 local time, now at 07:00 UTC.
    april = next(e for e in events if e.decoded("DTSTART").date() == date(2026, 4, 2))
    assert april.decoded("DTSTART").astimezone(UTC).hour == 7


def test_to_ical_leaves_out_holidays_and_is_stable() -> None:
    schedule = Schedule(rules=(THURSDAY_MORNING,))
    now = local(2027, 5, 1, 8)
    data = to_ical(schedule, name="Loket", uid_prefix="x", now=now, days=14)
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert [e.decoded("DTSTART").date() for e in events] == [date(2027, 5, 13)]
    assert to_ical(schedule, name="Loket", uid_prefix="x", now=now, days=14) == data


# --- descriptions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (THURSDAY_MORNING, "Elke donderdag van 09:00 tot 12:00"),
        (
            Rule(TUE, time(13, 30), time(15), Frequency.EVERY_N_WEEKS, 2, valid_from=date.min),
            "Om de 2 weken op dinsdag van 13:30 tot 15:00",
        ),
        (
            Rule(MON, time(19), time(21), Frequency.MONTHLY, week_of_month=1),
            "Elke eerste maandag van de maand van 19:00 tot 21:00",
        ),
        (
            Rule(FRI, time(14), time(16), Frequency.MONTHLY, week_of_month=-1),
            "Elke laatste vrijdag van de maand van 14:00 tot 16:00",
        ),
        (
            Rule(SUN, time(10), time(11, 15), valid_until=date(2026, 12, 31)),
            "Elke zondag van 10:00 tot 11:15 (tot en met 31 december 2026)",
        ),
        (
            Rule(WED, time(9), time(10), valid_from=date(2026, 3, 1)),
            "Elke woensdag van 09:00 tot 10:00",
        ),
    ],
)
def test_describe_rule(rule: Rule, text: str) -> None:
    assert describe_rule(rule) == text
