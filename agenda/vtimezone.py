"""A rule-based VTIMEZONE for Europe/Amsterdam (RFC 5545, section 3.6.5).

Calendar clients need the timezone block to place a "09:00 Europe/Amsterdam" event. A block
that lists every change as RDATE values is valid, but ical.js (inside Thunderbird and
Nextcloud) reads only the first date of such a list and puts summer sessions an hour off.
Two yearly rules, the ones the EU has used since 1996, read correctly everywhere:
summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00.
``tests/agenda/test_vtimezone.py`` checks the rules against the zoneinfo database.
"""

from __future__ import annotations

import datetime

import icalendar

TZID = "Europe/Amsterdam"
# (component, first date, from, to, name, rule)
_RULES = (
    (icalendar.TimezoneDaylight, datetime.datetime(1981, 3, 29, 2), 1, 2, "CEST", 3),
    (icalendar.TimezoneStandard, datetime.datetime(1996, 10, 27, 3), 2, 1, "CET", 10),
)


def amsterdam_vtimezone() -> icalendar.Timezone:
    timezone = icalendar.Timezone()
    timezone.add("tzid", TZID)
    for component_class, first, offset_from, offset_to, name, month in _RULES:
        component = component_class()
        component.add("tzname", name)
        component.add("dtstart", first)
        component.add("tzoffsetfrom", datetime.timedelta(hours=offset_from))
        component.add("tzoffsetto", datetime.timedelta(hours=offset_to))
        component.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        timezone.add_component(component)
    return timezone
