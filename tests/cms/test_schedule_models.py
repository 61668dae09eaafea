import datetime

import pytest
from django.core.exceptions import ValidationError

from cms.models import ServiceOpeningRule, ServiceScheduleException


def test_rule_with_end_before_start_is_refused_in_dutch(build):
    rule = ServiceOpeningRule(
        page=build.service(), weekday=3, start_time=datetime.time(12), end_time=datetime.time(9)
    )
    with pytest.raises(ValidationError) as caught:
        rule.full_clean()
    assert "eindtijd" in str(caught.value).lower()


def test_extra_session_needs_times(build):
    exc = ServiceScheduleException(
        page=build.service(), date=datetime.date(2026, 12, 1), kind="extra"
    )
    with pytest.raises(ValidationError):
        exc.full_clean()


def test_service_schedule_drives_open_now_and_next_sessions(build):
    service = build.service(
        rules=[{"weekday": 3, "start_time": datetime.time(9, 30), "end_time": datetime.time(12)}],
        exceptions=[
            {
                "date": datetime.date(2026, 12, 1),
                "kind": "extra",
                "start_time": datetime.time(13),
                "end_time": datetime.time(15),
                "reason": "Extra spreekuur",
            }
        ],
    )
    tz = datetime.timezone(datetime.timedelta(hours=1))
    monday = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=tz)
    sessions = service.next_sessions(count=3, now=monday)
    assert [s.start.isoformat() for s in sessions] == [
        "2026-12-01T13:00:00+01:00",
        "2026-12-03T09:30:00+01:00",
        "2026-12-10T09:30:00+01:00",
    ]
    assert sessions[0].extra and not sessions[1].extra
    assert service.is_open(datetime.datetime(2026, 12, 3, 11, 59, tzinfo=tz))
    assert not service.is_open(datetime.datetime(2026, 12, 3, 12, 0, tzinfo=tz))
