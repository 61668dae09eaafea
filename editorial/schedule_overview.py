"""Which services have opening hours, for the admin list 'Openingstijden aanpassen'."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from agenda import schedules
from cms.models import ServicePage
from cms.translations import source_pages

SCHEDULE_TAB = "#tab-openingstijden"
CHANGES_DAYS = 60


@dataclass(frozen=True)
class ScheduleRow:
    service: ServicePage
    rules: list[str]
    changes: list[schedules.DayChange]


def services_with_hours():
    return (
        source_pages(ServicePage.objects.all())
        .filter(Q(opening_rules__isnull=False) | Q(schedule_exceptions__isnull=False))
        .distinct()
        .select_related("organisation")
        .prefetch_related("opening_rules", "schedule_exceptions", "places")
        .order_by("title")
    )


def rows_for(user) -> list[ScheduleRow]:
    """Services with opening hours that `user` may edit, with their changes in 60 days."""
    today = timezone.now().astimezone(schedules.TIMEZONE).date()
    rows = []
    for service in services_with_hours():
        if not service.permissions_for_user(user).can_edit():
            continue
        schedule = service.schedule()
        rows.append(
            ScheduleRow(
                service=service,
                rules=[rule.describe() for rule in service.opening_rules.all()],
                changes=schedules.upcoming_changes(schedule, today, CHANGES_DAYS),
            )
        )
    return rows
