"""The rule-based VTIMEZONE says the same as the zoneinfo database, hour by hour."""

import datetime
from zoneinfo import ZoneInfo

import icalendar

from agenda.vtimezone import TZID, amsterdam_vtimezone

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_vtimezone_is_two_yearly_rules_without_rdate_lists() -> None:
    text = amsterdam_vtimezone().to_ical()
    assert b"RDATE" not in text
    assert text.count(b"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=") == 2


def test_vtimezone_offsets_match_zoneinfo_for_two_years() -> None:
    # icalendar turns the VTIMEZONE back into a tzinfo by expanding its rules itself.
    calendar = icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n"
        + amsterdam_vtimezone().to_ical()
        + b"END:VCALENDAR\r\n"
    )
    tz = next(iter(calendar.walk("VTIMEZONE"))).to_tz()
    moment = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    checked = 0
    while moment < datetime.datetime(2028, 1, 1, tzinfo=datetime.UTC):
        assert moment.astimezone(tz).utcoffset() == moment.astimezone(AMSTERDAM).utcoffset(), moment
        moment += datetime.timedelta(hours=1)
        checked += 1
    assert checked == 2 * 365 * 24  # every hour of 2026 and 2027
    assert AMSTERDAM.key == TZID
