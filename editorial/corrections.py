"""Public corrections ("Klopt er iets niet?"): create a report, handle it, answer the reporter."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.log_actions import log

from .models import CorrectionReport, ReportStatus


def create_report(service, *, kind: str, explanation: str, email: str) -> CorrectionReport:
    return CorrectionReport.objects.create(
        service=service,
        service_title=service.title[:255],
        kind=kind,
        explanation=explanation,
        email=email,
    )


def open_reports_count() -> int:
    """Reports nobody has answered yet (status 'Nieuw')."""
    return CorrectionReport.objects.filter(status=ReportStatus.NEW).count()


def handle_report(report: CorrectionReport, *, user, previous_status: str) -> bool:
    """Record who handled the report; answer the reporter once, then forget the address.

    Called after an editor changed the status. Returns True when an e-mail was sent.
    """
    if report.status == previous_status:
        return False
    if report.status == ReportStatus.NEW:
        report.handled_at = None
        report.handled_by = None
        report.save(update_fields=["handled_at", "handled_by"])
        return False
    report.handled_at = timezone.now()
    report.handled_by = user
    sent = False
    if report.email and not report.reporter_notified:
        _notify_reporter(report)
        report.reporter_notified = True
        report.email = ""
        sent = True
    report.save()
    action = f"editorial.report_{report.status}"
    log(instance=report, action=action, user=user, data={"reply": report.reply, "mailed": sent})
    if report.service_id:
        log(instance=report.service, action=action, user=user, data={"report": report.pk})
    return sent


def _notify_reporter(report: CorrectionReport) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "resolved": report.status == ReportStatus.RESOLVED,
            "service_url": _public_url(report.service),
        }
        subject = render_to_string("editorial/emails/report_handled_subject.txt", context)
        body = render_to_string("editorial/emails/report_handled.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [report.email])


def _public_url(page) -> str:
    if page is None or not page.live:
        return ""
    return page.get_full_url() or ""
