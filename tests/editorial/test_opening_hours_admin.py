"""A volunteer changes one day's hours with one 'andere tijd' exception, in the page editor."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from agenda import schedules
from cms.models import ServicePage

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
THURSDAY_MORNING = {
    "frequency": "weekly",
    "weekday": 3,
    "start_time": "09:30",
    "end_time": "12:00",
    "interval": 1,
    "week_of_month": "",
    "valid_from": "",
    "valid_until": "",
    "place": "",
}


def _today():
    return timezone.now().astimezone(schedules.TIMEZONE).date()


def _next_thursday(after_days=3):
    day = _today() + datetime.timedelta(days=after_days)
    return day + datetime.timedelta(days=(3 - day.weekday()) % 7)


def _short(day):
    text = f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return text if day.year == _today().year else f"{text} {day.year}"


def _text(html):
    """What a reader sees: the page without its tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def _form(service, exceptions):
    return nested_form_data(
        {
            "title": service.title,
            "slug": service.slug,
            "organisation": service.organisation_id,
            "summary": service.summary,
            "phrases": inline_formset([]),
            "body": streamfield([]),
            "cost": service.cost,
            "access": service.access,
            "languages": service.languages,
            "whole_municipality": "on",
            "closed_on_public_holidays": "",
            "opening_rules": inline_formset([THURSDAY_MORNING]),
            "schedule_exceptions": inline_formset(exceptions),
            "last_checked": service.last_checked.isoformat(),
            "review_interval_months": service.review_interval_months,
            "comments": inline_formset([]),
            "wheelchair_accessible": "",
        }
    )


def _exception(day, kind, start="", end="", reason=""):
    return {
        "date": day.strftime("%d-%m-%Y"),  # as the Dutch date picker fills it in
        "kind": kind,
        "start_time": start,
        "end_time": end,
        "reason": reason,
        "place": "",
    }


@pytest.fixture
def redactie(client, make_user, orgs):
    client.force_login(make_user("redactie"))
    return client


def test_one_other_time_exception_changes_one_day_on_the_public_page(redactie, orgs):
    service = orgs["own_service"]
    day = _next_thursday()
    response = redactie.post(
        f"/beheer/pages/{service.pk}/edit/",
        {
            **_form(service, [_exception(day, "changed", "13:30", "16:00")]),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    service = ServicePage.objects.get(pk=service.pk)
    (exception,) = service.schedule_exceptions.all()
    assert exception.date == day and exception.kind == "changed"

    text = _text(redactie.get(service.url).content.decode())
    assert f"{_short(day)}: 13:30–16:00 in plaats van 09:30–12:00" in text
    week_after = day + datetime.timedelta(days=7)
    assert _short(week_after) not in text.split("Andere tijden dan normaal")[1]
    sessions = service.next_sessions(
        count=2, now=datetime.datetime.combine(day, datetime.time(8), tzinfo=schedules.TIMEZONE)
    )
    assert [(s.start.date(), s.start.hour) for s in sessions] == [(day, 13), (week_after, 9)]


def test_closed_day_shows_the_usual_times(redactie, orgs):
    service = orgs["own_service"]
    day = _next_thursday()
    redactie.post(
        f"/beheer/pages/{service.pk}/edit/",
        {
            **_form(service, [_exception(day, "closed", reason="Teamdag")]),
            "action-publish": "action-publish",
        },
    )
    text = _text(redactie.get(ServicePage.objects.get(pk=service.pk).url).content.decode())
    assert f"{_short(day)} gesloten (normaal 09:30–12:00) – Teamdag" in text


def test_other_time_without_times_gets_a_dutch_message(redactie, orgs):
    service = orgs["own_service"]
    response = redactie.post(
        f"/beheer/pages/{service.pk}/edit/",
        {**_form(service, [_exception(_next_thursday(), "changed")]), "action-publish": "1"},
    )
    assert response.status_code == 200
    assert "Vul de nieuwe tijd in." in response.content.decode()
    assert not ServicePage.objects.get(pk=service.pk).schedule_exceptions.exists()


def test_editor_loads_the_dutch_date_picker_and_the_field_script(redactie, orgs):
    html = redactie.get(f"/beheer/pages/{orgs['own_service'].pk}/edit/").content.decode()
    assert "js/admin/exception_fields.js" in html
    assert '"changed": ["start_time", "end_time", "reason", "place"]' in html
    assert '"format": "d-m-Y"' in html or "d-m-Y" in html
    assert "andere tijd" in html
