"""Data migration cms 0002: 'gesloten' plus 'extra' on one day becomes one 'andere tijd'."""

import datetime
import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from cms.models import ServicePage

migration = importlib.import_module("cms.migrations.0002_schedule_exception_other_time")
THURSDAY = datetime.date(2026, 12, 10)
MORNING = {"weekday": 3, "start_time": datetime.time(9, 30), "end_time": datetime.time(12)}


def _kinds(service):
    page = ServicePage.objects.get(pk=service.pk)
    return sorted((e.date, e.kind, e.start_time, e.reason) for e in page.schedule_exceptions.all())


def _run():
    migration.merge_closed_and_extra(apps, SimpleNamespace(connection=connection))


def test_closed_morning_plus_extra_afternoon_becomes_other_time(build):
    service = build.service(
        rules=[MORNING],
        exceptions=[
            {"date": THURSDAY, "kind": "closed", "start_time": datetime.time(9, 30),
             "end_time": datetime.time(12), "reason": "Training"},
            {"date": THURSDAY, "kind": "extra", "start_time": datetime.time(13, 30),
             "end_time": datetime.time(16)},
        ],
    )  # fmt: skip
    _run()
    assert _kinds(service) == [(THURSDAY, "changed", datetime.time(13, 30), "Training")]


def test_pairs_that_would_lose_a_session_stay_as_they_are(build):
    afternoon = {"weekday": 3, "start_time": datetime.time(13), "end_time": datetime.time(15)}
    exceptions = [
        {"date": THURSDAY, "kind": "closed", "start_time": datetime.time(9, 30),
         "end_time": datetime.time(12)},
        {"date": THURSDAY, "kind": "extra", "start_time": datetime.time(18),
         "end_time": datetime.time(19)},
    ]  # fmt: skip
    service = build.service(rules=[MORNING, afternoon], exceptions=exceptions)
    before = _kinds(service)
    _run()
    assert _kinds(service) == before  # the afternoon session still happens: not merged
