"""iCalendar feeds of a schedule's concrete sessions (RFC 5545), for "zet in mijn agenda"."""

from __future__ import annotations

import datetime

import icalendar

from .schedules import TIMEZONE, Schedule, aware, sessions_between
from .vtimezone import amsterdam_vtimezone

PRODID = "-//Sociale Kaart Uithoorn//NL"


def to_ical(
    schedule: Schedule,
    *,
    name: str,
    uid_prefix: str,
    now: datetime.datetime,
    url: str = "",
    days: int = 180,
    limit: int | None = None,
) -> bytes:
    """An iCalendar feed with one VEVENT per concrete session in the next `days` days.

    With ``limit`` only the first sessions are included (``limit=1``: "the next time", one
    event to download). The timezone block is rule-based (see ``agenda.vtimezone``)."""
    now = aware(now)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(TIMEZONE.key))
    calendar.add_component(amsterdam_vtimezone())
    stamp = now.astimezone(datetime.UTC)
    sessions = sessions_between(schedule, now, now + datetime.timedelta(days=days))
    for session in sessions[:limit]:
        event = icalendar.Event()
        event.add("uid", f"{uid_prefix}-{session.start:%Y%m%dT%H%M}@sociale-kaart")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.start)
        event.add("dtend", session.end)
        event.add("summary", name)
        if session.place:
            event.add("location", session.place)
        if url:
            event.add("url", url)
        if session.extra:
            note = f": {session.note}" if session.note else ""
            event.add("description", f"Extra spreekuur{note}")
        calendar.add_component(event)
    return calendar.to_ical()
