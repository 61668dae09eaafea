"""E-mail each responsible editor (or else the organisation) the list of services due a check.

Run daily (`manage.py send_review_reminders`). A service is in a reminder when it is due and
no reminder about it went out in the last REPEAT_DAYS days, so a daily run does not send the
same list every day. Services with neither a responsible editor nor an organisation e-mail go
to the Redactie.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cms.access import REDACTIE_GROUP

from .freshness import DueService, due_services
from .models import ReviewReminder

REPEAT_DAYS = 7


@dataclass
class Digest:
    email: str
    greeting: str
    items: list[DueService] = field(default_factory=list)


@dataclass
class ReminderReport:
    digests: list[Digest]
    unassigned: list[DueService]

    @property
    def services(self) -> int:
        return sum(len(d.items) for d in self.digests)


def _needs_reminder(item: DueService, last_sent: datetime.date | None, today) -> bool:
    if last_sent is None or last_sent < item.due_date:
        return True
    return (today - last_sent).days >= REPEAT_DAYS


def _redactie_addresses():
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=REDACTIE_GROUP)
        .exclude(email="")
    )
    return sorted({user.email for user in users})


def build_digests(today: datetime.date) -> ReminderReport:
    due = due_services(today=today)
    sent = dict(
        ReviewReminder.objects.filter(service__in=[d.service for d in due]).values_list(
            "service_id", "sent_on"
        )
    )
    digests: dict[str, Digest] = {}
    unassigned = []
    for item in due:
        if not _needs_reminder(item, sent.get(item.service.pk), today):
            continue
        service = item.service
        if service.responsible and service.responsible.email:
            email = service.responsible.email
            greeting = service.responsible.get_full_name() or service.responsible.get_username()
        elif service.organisation and service.organisation.email:
            email, greeting = service.organisation.email, service.organisation.title
        else:
            unassigned.append(item)
            continue
        digests.setdefault(email, Digest(email, greeting)).items.append(item)
    if unassigned:
        for email in _redactie_addresses():
            digests.setdefault(email, Digest(email, "")).items.extend(unassigned)
    return ReminderReport(list(digests.values()), unassigned)


def _admin_url(service) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[service.pk])


def send_reminders(today: datetime.date | None = None, dry_run: bool = False) -> ReminderReport:
    today = today or timezone.localdate()
    report = build_digests(today)
    if dry_run:
        return report
    reminded = set()
    with translation.override(settings.LANGUAGE_CODE):
        for digest in report.digests:
            context = {
                "digest": digest,
                "rows": [(item, _admin_url(item.service)) for item in digest.items],
            }
            subject = render_to_string("editorial/emails/review_reminder_subject.txt", context)
            body = render_to_string("editorial/emails/review_reminder.txt", context)
            send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [digest.email])
            for item in digest.items:
                reminded.add(item.service.pk)
    for service_id in reminded:
        ReviewReminder.objects.update_or_create(service_id=service_id, defaults={"sent_on": today})
    return report
