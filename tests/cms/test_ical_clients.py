"""Our iCalendar files, read by a real calendar client: ical.js 2.2.1 (npm), the parser inside
Thunderbird and Nextcloud, run with Node. ical.js computes the UTC time of each event from the
file's own VTIMEZONE; Python's zoneinfo then says what that is on an Amsterdam clock."""

import datetime
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from agenda.ical import to_ical
from agenda.schedules import Rule, Schedule

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ROOT = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).with_name("ical_client.mjs")
THURSDAY_9 = Rule(weekday=3, start=datetime.time(9), end=datetime.time(12), place="De Kuyper")


def read_with_icaljs(data: bytes) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed for this test (make install-test installs ical.js)."
    assert (ROOT / "node_modules" / "ical.js").is_dir(), "Run `npm ci` (make install-test)."
    result = subprocess.run(
        [node, str(CLIENT)], input=data, capture_output=True, cwd=ROOT, timeout=60, check=True
    )
    return json.loads(result.stdout)


def amsterdam(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(AMSTERDAM)


@pytest.fixture
def feed() -> bytes:
    schedule = Schedule(rules=(THURSDAY_9,))
    now = datetime.datetime(2026, 6, 1, 8, tzinfo=datetime.UTC)
    return to_ical(schedule, name="Pop-up loket", uid_prefix="loket", now=now, days=90)


def test_icaljs_puts_a_july_session_at_nine_amsterdam_time(feed) -> None:
    events = read_with_icaljs(feed)
    july = [e for e in events if amsterdam(e["start_utc"]).month == 7]
    assert len(july) == 5  # the Thursdays of July 2026
    for event in july:
        start, end = amsterdam(event["start_utc"]), amsterdam(event["end_utc"])
        assert (start.hour, start.minute, end.hour) == (9, 0, 12), event
        assert event["tzid"] == "Europe/Amsterdam"
    winter_feed = to_ical(
        Schedule(rules=(THURSDAY_9,)),
        name="Pop-up loket",
        uid_prefix="loket",
        now=datetime.datetime(2026, 11, 1, 8, tzinfo=datetime.UTC),
        days=30,
    )
    for event in read_with_icaljs(winter_feed):
        assert amsterdam(event["start_utc"]).hour == 9, event


def test_the_old_rdate_timezone_block_is_what_ical_js_gets_wrong(feed) -> None:
    """Negative control: the same events with icalendar's RDATE-list VTIMEZONE (what the feed
    used to send) put the July session an hour off, so the test above can tell them apart.
    ical.js applies winter time (+01:00) to the summer date: 07:00 UTC becomes 08:00 UTC,
    which an Amsterdam clock shows as 10:00."""
    calendar = icalendar.Calendar.from_ical(feed)
    calendar.subcomponents = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    calendar.add_missing_timezones()
    old = calendar.to_ical()
    assert b"RDATE" in old
    july = [e for e in read_with_icaljs(old) if amsterdam(e["start_utc"]).month == 7]
    assert july and {amsterdam(e["start_utc"]).hour for e in july} == {10}


def test_one_event_download_and_subscription_feed_from_the_same_code(client, build) -> None:
    place = build.place(slug="de-kuyper", name="De Kuyper", lat=52.24, lon=4.83, postcode="1421AB")
    build.service(
        "pop-up-loket",
        "Pop-up loket",
        places=[place],
        access="walk_in",
        rules=[{"weekday": 3, "start_time": datetime.time(9), "end_time": datetime.time(12)}],
    )
    one = client.get("/agenda/pop-up-loket/volgende.ics")
    assert one.status_code == 200
    assert one["Content-Type"].startswith("text/calendar")
    assert "attachment" in one["Content-Disposition"]
    feed = client.get("/agenda/pop-up-loket.ics")
    single, all_events = read_with_icaljs(one.content), read_with_icaljs(feed.content)
    assert len(single) == 1 and len(all_events) > 20
    assert single[0] == all_events[0]  # same UID, same time: the next session
    start = amsterdam(single[0]["start_utc"])
    assert start.weekday() == 3 and start.hour == 9
    assert client.get("/agenda/bestaat-niet/volgende.ics").status_code == 404


def test_service_page_offers_the_next_time_and_a_webcal_subscription(client, build) -> None:
    service = build.service(
        "pop-up-loket",
        "Pop-up loket",
        access="walk_in",
        rules=[{"weekday": 3, "start_time": datetime.time(9), "end_time": datetime.time(12)}],
    )
    html = client.get(service.url).content.decode()
    assert 'href="/agenda/pop-up-loket/volgende.ics"' in html
    assert "Zet de volgende keer in mijn agenda" in html
    assert 'href="webcal://testserver/agenda/pop-up-loket.ics"' in html
