"""Published HSDS schedule rows, expanded by dateutil's rrule (an implementation we did not
write), give the same sessions as our own schedule engine, day by day, over two years."""

import datetime
from datetime import date, time

import pytest
from dateutil.rrule import rrulestr

from agenda.schedules import (
    TIMEZONE,
    ExceptionKind,
    Frequency,
    Rule,
    Schedule,
    ScheduleException,
    sessions_between,
)
from opendata import hsds_schedules
from tests.opendata.hsds_validation import errors, schema_validator

START = date(2026, 1, 1)
END = date(2028, 1, 1)  # two years, across four daylight-saving changes
CONTEXT = hsds_schedules.RowContext(service_id="8f1c8f5e-7a52-5d5e-9b0d-6f4f8d1f2a10")

RULES = [
    Rule(weekday=3, start=time(9), end=time(12)),
    Rule(weekday=0, start=time(13, 30), end=time(16, 45), valid_until=date(2026, 9, 30)),
    Rule(weekday=2, start=time(19), end=time(21), valid_from=date(2026, 4, 15)),
    Rule(
        weekday=1,
        start=time(10),
        end=time(11),
        frequency=Frequency.EVERY_N_WEEKS,
        interval=2,
        valid_from=date(2026, 1, 8),  # a Thursday: the first Tuesday is in week 3
    ),
    Rule(
        weekday=4,
        start=time(14),
        end=time(15),
        frequency=Frequency.EVERY_N_WEEKS,
        interval=3,
        valid_from=date(2026, 2, 3),
        valid_until=date(2027, 6, 30),
    ),
    Rule(weekday=0, start=time(9), end=time(10), frequency=Frequency.MONTHLY, week_of_month=1),
    Rule(weekday=4, start=time(15), end=time(17), frequency=Frequency.MONTHLY, week_of_month=-1),
    Rule(weekday=5, start=time(10), end=time(12), frequency=Frequency.MONTHLY, week_of_month=4),
]
EXTRA = ScheduleException(date(2026, 7, 4), ExceptionKind.EXTRA, time(11), time(13), "Zomer")


def expand_row(row: dict) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """What a harvester does: the iCal fields of the row into an RRULE, read by dateutil."""
    dtstart = date.fromisoformat(row.get("dtstart") or row.get("valid_from") or START.isoformat())
    parts = [f"FREQ={row['freq']}", f"INTERVAL={row['interval']}", f"BYDAY={row['byday']}"]
    parts.append(f"WKST={row['wkst']}")
    if row.get("count"):
        parts.append(f"COUNT={row['count']}")
    if row.get("until"):
        parts.append(f"UNTIL={row['until'].replace('-', '')}T235959")
    rule = rrulestr(f"DTSTART:{dtstart:%Y%m%d}T000000\nRRULE:{';'.join(parts)}")
    opens = time.fromisoformat(row["opens_at"])
    closes = time.fromisoformat(row["closes_at"])
    found = []
    for moment in rule.between(
        datetime.datetime.combine(START, time()), datetime.datetime.combine(END, time()), inc=True
    ):
        day = moment.date()
        if row.get("valid_from") and day < date.fromisoformat(row["valid_from"]):
            continue
        if row.get("valid_to") and day > date.fromisoformat(row["valid_to"]):
            continue
        found.append(
            (
                datetime.datetime.combine(day, opens, tzinfo=TIMEZONE),
                datetime.datetime.combine(day, closes, tzinfo=TIMEZONE),
            )
        )
    return found


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.frequency}-{r.weekday}-{r.interval}")
def test_each_rule_expands_the_same_with_rrule_as_with_our_engine(rule):
    row = hsds_schedules.rule_row("3d4e5f60-0000-5000-8000-000000000001", rule, CONTEXT, "")
    ours = sessions_between(
        Schedule(rules=(rule,), closed_on_public_holidays=False),
        datetime.datetime.combine(START, time(), tzinfo=TIMEZONE),
        datetime.datetime.combine(END, time(), tzinfo=TIMEZONE),
    )
    theirs = expand_row(row)
    assert len(ours) > 10
    assert [(s.start, s.end) for s in ours] == theirs
    assert errors(schema_validator("schedule.json"), row) == []


def test_whole_schedule_with_an_extra_session():
    rows = [
        hsds_schedules.rule_row(f"3d4e5f60-0000-5000-8000-00000000000{i}", r, CONTEXT, "")
        for i, r in enumerate(RULES)
    ]
    rows.append(hsds_schedules.extra_row("3d4e5f60-0000-5000-8000-0000000000ff", EXTRA, CONTEXT))
    theirs = sorted(pair for row in rows for pair in expand_row(row))
    ours = sessions_between(
        Schedule(rules=tuple(RULES), exceptions=(EXTRA,), closed_on_public_holidays=False),
        datetime.datetime.combine(START, time(), tzinfo=TIMEZONE),
        datetime.datetime.combine(END, time(), tzinfo=TIMEZONE),
    )
    assert sorted((s.start, s.end) for s in ours) == theirs
    assert len(theirs) > 300
    for row in rows:
        assert errors(schema_validator("schedule.json"), row) == []


def test_closures_that_hsds_cannot_express_are_in_the_notes():
    closed = ScheduleException(date(2026, 12, 24), ExceptionKind.CLOSED, reason="Teamdag")
    schedule = Schedule(rules=(RULES[0],), exceptions=(closed,))
    notes = hsds_schedules.closure_notes(schedule, date(2026, 12, 1))
    assert "Europe/Amsterdam" in notes
    assert "feestdagen" in notes
    assert "24 december 2026 (Teamdag)" in notes


def test_dtstart_is_the_first_instance():
    rule = RULES[3]
    assert hsds_schedules.first_occurrence(rule) == date(2026, 1, 20)
    assert hsds_schedules.first_occurrence(RULES[0]) is None
