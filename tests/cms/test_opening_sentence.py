"""The opening state as a sentence a resident reads on cards and service pages."""

from __future__ import annotations

import datetime
from datetime import date, time

from agenda.schedules import TIMEZONE, ExceptionKind, Rule, Schedule, ScheduleException
from agenda.wording import opening_sentence, opening_state

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
# 2026-03-02 is a Monday.
WEEKDAY_MORNINGS = Schedule(
    rules=tuple(Rule(weekday=day, start=time(9), end=time(12, 30)) for day in (MON, TUE, WED, THU))
)


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=TIMEZONE)


def test_open_says_until_when():
    assert opening_sentence(WEEKDAY_MORNINGS, at(2, 10)) == "Nu open tot 12:30"
    state = opening_state(WEEKDAY_MORNINGS, at(2, 10))
    assert state.open and state.until == at(2, 12, 30)


def test_closed_in_the_evening_says_it_opens_tomorrow():
    assert opening_sentence(WEEKDAY_MORNINGS, at(2, 23)) == "Gesloten · opent morgen om 09:00"


def test_closed_before_opening_says_today():
    assert opening_sentence(WEEKDAY_MORNINGS, at(3, 7, 45)) == "Gesloten · opent vandaag om 09:00"


def test_closed_over_the_weekend_names_the_day():
    # Thursday afternoon: the next opening is Monday.
    state = opening_state(WEEKDAY_MORNINGS, at(5, 14))
    assert state.sentence == "Gesloten · opent maandag om 09:00"
    assert not state.open and state.opens == at(9, 9)
    assert state.opens_text == "maandag om 09:00"


def test_far_away_opening_gives_the_date():
    monthly_gap = Schedule(
        rules=(Rule(weekday=MON, start=time(9), end=time(12), valid_from=date(2026, 3, 20)),)
    )
    assert opening_sentence(monthly_gap, at(2, 10)) == "Gesloten · opent op 23 maart om 09:00"


def test_sessions_that_follow_on_count_as_one_opening():
    split = Schedule(
        rules=(
            Rule(weekday=MON, start=time(9), end=time(12)),
            Rule(weekday=MON, start=time(12), end=time(17)),
        )
    )
    assert opening_sentence(split, at(2, 11)) == "Nu open tot 17:00"


def test_a_closed_day_is_skipped():
    closed_tuesday = Schedule(
        rules=WEEKDAY_MORNINGS.rules,
        exceptions=(ScheduleException(date=date(2026, 3, 3), kind=ExceptionKind.CLOSED),),
    )
    assert opening_sentence(closed_tuesday, at(2, 13)) == "Gesloten · opent woensdag om 09:00"


def test_without_any_future_time():
    ended = Schedule(
        rules=(Rule(weekday=MON, start=time(9), end=time(12), valid_until=date(2026, 1, 1)),)
    )
    assert opening_sentence(ended, at(2, 10)) == "Gesloten · geen nieuwe tijden bekend"
