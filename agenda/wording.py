"""Schedules in Dutch words (B1) for residents: dates, rules and "open until / opens at"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .schedules import (
    WEEK_OF_MONTH,
    Frequency,
    Rule,
    Schedule,
    aware,
    next_sessions,
)

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def format_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def describe_rule(rule: Rule) -> str:
    """Dutch (B1) description, e.g. "Elke donderdag van 09:00 tot 12:00"."""
    weekday = WEEKDAYS[rule.weekday]
    if rule.frequency == Frequency.EVERY_N_WEEKS and rule.interval > 1:
        when = f"Om de {rule.interval} weken op {weekday}"
    elif rule.frequency == Frequency.MONTHLY and rule.week_of_month in WEEK_OF_MONTH:
        when = f"Elke {WEEK_OF_MONTH[rule.week_of_month]} {weekday} van de maand"
    else:
        when = f"Elke {weekday}"
    text = f"{when} van {rule.start:%H:%M} tot {rule.end:%H:%M}"
    if rule.valid_until:
        text += f" (tot en met {format_date(rule.valid_until)})"
    return text


@dataclass(frozen=True, slots=True)
class OpeningState:
    """Whether a service is open at a moment, and the sentence that says so."""

    open: bool
    sentence: str  # "Nu open tot 12:30", "Gesloten · opent morgen om 09:00"
    until: datetime.datetime | None = None  # open: when this opening ends
    opens: datetime.datetime | None = None  # closed: when it opens next, if known
    opens_text: str = ""  # closed: "morgen om 09:00", for use inside a sentence


def _day_words(day: datetime.date, today: datetime.date) -> str:
    """'vandaag', 'morgen', 'donderdag' (within a week) or 'op 3 maart'."""
    days = (day - today).days
    if days == 0:
        return "vandaag"
    if days == 1:
        return "morgen"
    if 1 < days < 7:
        return WEEKDAYS[day.weekday()]
    return f"op {day.day} {MONTHS[day.month - 1]}"


def opening_state(schedule: Schedule, now: datetime.datetime) -> OpeningState:
    """Open now (until when, joining sessions that follow on without a break), or closed
    and when it opens next. Looks up to 400 days ahead."""
    now = aware(now)
    upcoming = next_sessions(schedule, now, count=10)
    today = now.date()
    if upcoming and upcoming[0].start <= now:
        until = upcoming[0].end
        for session in upcoming[1:]:
            if session.start > until:
                break
            until = max(until, session.end)
        day = "" if until.date() == today else f"{_day_words(until.date(), today)} "
        return OpeningState(True, f"Nu open tot {day}{until:%H:%M}", until=until)
    if not upcoming:
        return OpeningState(False, "Gesloten · geen nieuwe tijden bekend")
    opens = upcoming[0].start
    when = f"{_day_words(opens.date(), today)} om {opens:%H:%M}"
    return OpeningState(False, f"Gesloten · opent {when}", opens=opens, opens_text=when)


def opening_sentence(schedule: Schedule, now: datetime.datetime) -> str:
    """The opening state in one sentence, for cards and service pages."""
    return opening_state(schedule, now).sentence
