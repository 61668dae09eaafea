"""Time words in a question: "vandaag", "nu open", "morgen", weekdays, "ochtend", "weekend".

They become time windows; services with a session in such a window rank higher. Nothing is
filtered out: the visitor can still tick "nu open" for that.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from agenda import schedules

from .words import Words

WEEKDAYS = {
    **dict.fromkeys(("maandag", "maandags", "monday"), 0),
    **dict.fromkeys(("dinsdag", "dinsdags", "tuesday"), 1),
    **dict.fromkeys(("woensdag", "woensdags", "wednesday"), 2),
    **dict.fromkeys(("donderdag", "donderdags", "thursday"), 3),
    **dict.fromkeys(("vrijdag", "vrijdags", "friday"), 4),
    **dict.fromkeys(("zaterdag", "zaterdags", "saturday"), 5),
    **dict.fromkeys(("zondag", "zondags", "sunday"), 6),
}
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
RELATIVE_DAYS = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}
PARTS = {  # part of the day -> (from, until) local time
    "ochtend": (6, 12),
    "morgens": (6, 12),
    "ochtends": (6, 12),
    "morning": (6, 12),
    "middag": (12, 18),
    "middags": (12, 18),
    "afternoon": (12, 18),
    "avond": (18, 24),
    "avonds": (18, 24),
    "evening": (18, 24),
    "nacht": (0, 6),
    "nachts": (0, 6),
    "night": (0, 6),
}
TODAY_PARTS = {"vanochtend": "ochtend", "vanmorgen": "ochtend", "vanmiddag": "middag",
               "vanavond": "avond", "tonight": "avond", "vannacht": "nacht"}  # fmt: skip
WEEKEND = ("weekend", "weekeinde")
THIS_WEEK = (("deze", "week"), ("this", "week"))
NOW = ("nu", "now", "direct", "meteen")
OPEN = ("open", "geopend", "opened")
SHORT_QUESTION = 3  # "open" or "nu" alone counts as a time word only in short questions


@dataclass(frozen=True)
class TimeHit:
    label: str
    windows: tuple[tuple[datetime.datetime, datetime.datetime], ...]
    open_now: bool = False

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "open_now": self.open_now,
            "windows": [{"start": s.isoformat(), "end": e.isoformat()} for s, e in self.windows],
        }


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    if hour >= 24:
        return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0),
                                         tzinfo=schedules.TIMEZONE)  # fmt: skip
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=schedules.TIMEZONE)


def _split_compound(word: str) -> tuple[int | None, str | None]:
    """ "dinsdagochtend" -> (1, "ochtend"); "zaterdagmiddag" -> (5, "middag")."""
    for name, number in WEEKDAYS.items():
        if word.startswith(name) and word[len(name) :] in PARTS:
            return number, word[len(name) :]
    return None, None


def _is_time_word(word: str) -> bool:
    return (
        word in RELATIVE_DAYS
        or word in TODAY_PARTS
        or word in WEEKDAYS
        or word in WEEKEND
        or word in PARTS
        or _split_compound(word)[0] is not None
    )


def recognise(words: Words, now: datetime.datetime) -> TimeHit | None:
    local = now.astimezone(schedules.TIMEZONE)
    today = local.date()
    days: list[datetime.date] = []
    day_label = ""
    part: str | None = None
    open_now = False
    short = words.content_count() <= SHORT_QUESTION
    has_time = any(_is_time_word(w) for w in words.words)
    for i, word in enumerate(words.words):
        if not words.free(i):
            continue
        if word in RELATIVE_DAYS:
            offset = RELATIVE_DAYS[word]
            days = [today + datetime.timedelta(days=offset)]
            day_label = {0: _("vandaag"), 1: _("morgen")}.get(offset, _("overmorgen"))
            words.claim(i)
        elif word in TODAY_PARTS:
            days, part, day_label = [today], TODAY_PARTS[word], ""
            words.claim(i)
        elif word in WEEKDAYS or _split_compound(word)[0] is not None:
            if word in WEEKDAYS:
                number, compound_part = WEEKDAYS[word], None
            else:
                number, compound_part = _split_compound(word)
            days = [today + datetime.timedelta(days=(number - today.weekday()) % 7)]
            day_label = _("op %(day)s") % {"day": DAY_NAMES[number]}
            part = compound_part or part
            words.claim(i)
        elif word in WEEKEND:
            saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7)
            days = [saturday, saturday + datetime.timedelta(days=1)]
            if today.weekday() == 6:
                days = [today]
            day_label = _("in het weekend")
            words.claim(i)
        elif word in PARTS:
            part = word
            words.claim(i)
            if words.free(i - 1) and words.words[i - 1] in ("s", "in", "de", "het", "the"):
                words.claim(i - 1)
        elif word in NOW or word in OPEN:
            others = [w for j, w in enumerate(words.words) if j != i and w in (*NOW, *OPEN)]
            if others or short or has_time:
                open_now = True
                words.claim(i, *(j for j, w in enumerate(words.words) if w in (*NOW, *OPEN)))
    for phrase in THIS_WEEK:
        for start in words.find(phrase):
            words.claim(start, start + 1)
            days = [today + datetime.timedelta(days=n) for n in range(7)]
            day_label = _("deze week")
    if not days and part is None and not open_now:
        return None
    if not days:
        days = [today + datetime.timedelta(days=n) for n in range(7)] if part else [today]
    if part:
        start_hour, end_hour = PARTS[part]
        windows = tuple((_at(d, start_hour), _at(d, end_hour)) for d in days)
        part_label = {6: _("'s ochtends"), 12: _("'s middags"), 18: _("'s avonds"),
                      0: _("'s nachts")}[start_hour]  # fmt: skip
        label = f"{day_label} {part_label}".strip()
    else:
        windows = tuple((max(_at(d, 0), local), _at(d, 24)) for d in days)
        label = day_label
    if open_now and not day_label and not part:
        windows = ((local, local + datetime.timedelta(minutes=1)),)
        label = _("nu open")
    windows = tuple((s, e) for s, e in windows if e > s)
    return TimeHit(label=label, windows=windows, open_now=open_now and not day_label)
