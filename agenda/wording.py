"""Schedules in Dutch words (B1) for residents: dates, rules and "open until / opens at"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .schedules import (
    WEEK_OF_MONTH,
    Frequency,
    Rule,
    Schedule,
    aware,
    next_sessions,
    sessions_between,
)

SOON = datetime.timedelta(days=14)  # how far opening_state looks first

# In the active language when used (gettext_lazy): Dutch by default, English under /en/.
WEEKDAYS = (
    gettext_lazy("maandag"), gettext_lazy("dinsdag"), gettext_lazy("woensdag"),
    gettext_lazy("donderdag"), gettext_lazy("vrijdag"), gettext_lazy("zaterdag"),
    gettext_lazy("zondag"),
)  # fmt: skip
MONTHS = (
    gettext_lazy("januari"), gettext_lazy("februari"), gettext_lazy("maart"),
    gettext_lazy("april"), gettext_lazy("mei"), gettext_lazy("juni"), gettext_lazy("juli"),
    gettext_lazy("augustus"), gettext_lazy("september"), gettext_lazy("oktober"),
    gettext_lazy("november"), gettext_lazy("december"),
)  # fmt: skip


def format_date(day: datetime.date) -> str:
    return _("%(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": MONTHS[day.month - 1],
        "year": day.year,
    }


def describe_rule(rule: Rule) -> str:
    """Dutch (B1) description, e.g. "Elke donderdag van 09:00 tot 12:00"."""
    weekday = WEEKDAYS[rule.weekday]
    if rule.frequency == Frequency.EVERY_N_WEEKS and rule.interval > 1:
        when = _("Om de %(interval)s weken op %(weekday)s") % {
            "interval": rule.interval,
            "weekday": weekday,
        }
    elif rule.frequency == Frequency.MONTHLY and rule.week_of_month in WEEK_OF_MONTH:
        when = _("Elke %(nth)s %(weekday)s van de maand") % {
            "nth": WEEK_OF_MONTH[rule.week_of_month],
            "weekday": weekday,
        }
    else:
        when = _("Elke %(weekday)s") % {"weekday": weekday}
    text = _("%(when)s van %(start)s tot %(end)s") % {
        "when": when,
        "start": f"{rule.start:%H:%M}",
        "end": f"{rule.end:%H:%M}",
    }
    if rule.valid_until:
        text += " " + _("(tot en met %(date)s)") % {"date": format_date(rule.valid_until)}
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
        return _("vandaag")
    if days == 1:
        return _("morgen")
    if 1 < days < 7:
        return str(WEEKDAYS[day.weekday()])
    return _("op %(day)s %(month)s") % {"day": day.day, "month": MONTHS[day.month - 1]}


def opening_state(schedule: Schedule, now: datetime.datetime) -> OpeningState:
    """Open now (until when, joining sessions that follow on without a break), or closed
    and when it opens next. Looks up to 400 days ahead."""
    now = aware(now)
    # The next two weeks answer almost every schedule (and hold every session that can join
    # on to an ongoing one); only when they are empty is the first session further ahead
    # looked for. Asking ten sessions of a weekly schedule at once would expand months.
    upcoming = sessions_between(schedule, now, now + SOON)[:10] or next_sessions(
        schedule, now, count=1
    )
    today = now.date()
    if upcoming and upcoming[0].start <= now:
        until = upcoming[0].end
        for session in upcoming[1:]:
            if session.start > until:
                break
            until = max(until, session.end)
        time = f"{until:%H:%M}"
        if until.date() == today:
            sentence = _("Nu open tot %(time)s") % {"time": time}
        else:
            day = _day_words(until.date(), today)
            sentence = _("Nu open tot %(day)s %(time)s") % {"day": day, "time": time}
        return OpeningState(True, sentence, until=until)
    if not upcoming:
        return OpeningState(False, _("Gesloten · geen nieuwe tijden bekend"))
    opens = upcoming[0].start
    when = _("%(day)s om %(time)s") % {
        "day": _day_words(opens.date(), today),
        "time": f"{opens:%H:%M}",
    }
    sentence = _("Gesloten · opent %(when)s") % {"when": when}
    return OpeningState(False, sentence, opens=opens, opens_text=when)


def opening_sentence(schedule: Schedule, now: datetime.datetime) -> str:
    """The opening state in one sentence, for cards and service pages."""
    return opening_state(schedule, now).sentence
