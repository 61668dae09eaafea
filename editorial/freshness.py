"""Freshness as a workflow: which services are due for a check, and 'gecontroleerd, klopt nog'.

A service is due on `last_checked + review_interval_months` (ServicePage.review_due_date).

Recording a check keeps the live page and its revisions consistent:
- No pending draft: a new revision with the new date is saved and published, like any edit.
  History, compare and revert work as usual and `page_published` updates the search index.
- A draft or a change in moderation is pending: publishing would put that unapproved draft
  live, so the live row is updated directly and the same two fields are written into the live
  and the latest revision. Publishing or reverting later keeps the check. `page_published` is
  sent for the live revision so the search index (overdue penalty) follows.
Either way the check is in the page history as "Gecontroleerd, klopt nog".
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.signals import page_published

from cms.access import is_restricted_provider, provider_organisation_id
from cms.models import ServicePage
from cms.translations import source_pages

CHECKED_ACTION = "editorial.checked"


@dataclass(frozen=True)
class DueService:
    service: ServicePage
    due_date: datetime.date
    today: datetime.date

    @property
    def days_overdue(self) -> int:
        return (self.today - self.due_date).days


def live_services():
    """Every live service once (its Dutch source: the check is done once, for all languages)."""
    return source_pages(ServicePage.objects.live()).select_related("organisation", "responsible")


def due_services(user=None, today: datetime.date | None = None) -> list[DueService]:
    """Live services whose check is due, the longest overdue first.

    For an Aanbieder account only the services of its own organisation.
    """
    today = today or timezone.localdate()
    services = live_services()
    if user is not None and is_restricted_provider(user):
        services = services.filter(organisation_id=provider_organisation_id(user))
    due = [
        DueService(service, service.review_due_date, today)
        for service in services
        if service.review_due_date <= today
    ]
    return sorted(due, key=lambda item: (item.due_date, item.service.title))


@transaction.atomic
def mark_checked(service: ServicePage, user, today: datetime.date | None = None) -> bool:
    """Record that `user` checked the service today. True when a new revision was published."""
    today = today or timezone.localdate()
    service = ServicePage.objects.select_for_update().get(pk=service.pk)
    if not service.has_unpublished_changes:
        service.last_checked = today
        service.last_checked_by = user
        service.save_revision(user=user).publish(user=user)
        published = True
    else:
        ServicePage.objects.filter(pk=service.pk).update(last_checked=today, last_checked_by=user)
        for revision in {service.live_revision, service.latest_revision} - {None}:
            revision.content["last_checked"] = today.isoformat()
            revision.content["last_checked_by"] = user.pk
            revision.save(update_fields=["content"])
        service.refresh_from_db()
        if service.live:
            page_published.send(
                sender=ServicePage, instance=service, revision=service.live_revision
            )
        published = False
    log(
        instance=service,
        action=CHECKED_ACTION,
        user=user,
        data={"date": today.isoformat()},
    )
    return published
