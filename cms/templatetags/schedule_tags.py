"""Presentation of days that differ from the regular opening hours (includes/closures.html)."""

import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from agenda import schedules

register = template.Library()

CONTENT_LANGUAGE = "nl"  # dates are written in the language of the content


def _today() -> datetime.date:
    return timezone.now().astimezone(schedules.TIMEZONE).date()


@register.simple_tag
def upcoming_changes(service, days=60):
    """Days in the coming `days` days that differ from the regular hours of `service`."""
    if service is None or not getattr(service, "has_schedule", False):
        return []
    return schedules.upcoming_changes(service.schedule(), _today(), days)


@register.filter
def short_day(value):
    """'do 10 december' (with the year when it is not this year)."""
    if not value:
        return ""
    with override(CONTENT_LANGUAGE):
        return date_format(value, "D j F" if value.year == _today().year else "D j F Y")


def _span(session) -> str:
    start = session.start.astimezone(schedules.TIMEZONE)
    end = session.end.astimezone(schedules.TIMEZONE)
    return f"{start:%H:%M}–{end:%H:%M}"


@register.filter
def time_spans(sessions):
    """'09:30–12:00' or '09:30–12:00 en 13:00–15:00'."""
    spans = [_span(s) for s in sessions]
    if len(spans) <= 1:
        return "".join(spans)
    with override(CONTENT_LANGUAGE):
        return _("%(first)s en %(last)s") % {"first": ", ".join(spans[:-1]), "last": spans[-1]}


@register.filter
def new_places(change):
    """Places of the new sessions that differ from where it normally is."""
    usual = {s.place for s in change.regular}
    return sorted({s.place for s in change.sessions if s.place and s.place not in usual})
