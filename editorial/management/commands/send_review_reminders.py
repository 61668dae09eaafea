import datetime

from django.core.management.base import BaseCommand

from editorial.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Stuur iedere verantwoordelijke redacteur (anders de organisatie) een e-mail met de "
        "voorzieningen die gecontroleerd moeten worden. Draai dit dagelijks (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Laat zien, verstuur niets.")
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args, dry_run, today, **options):
        report = send_reminders(today=today, dry_run=dry_run)
        for digest in report.digests:
            titles = ", ".join(item.service.title for item in digest.items)
            self.stdout.write(f"{digest.email}: {len(digest.items)} – {titles}")
        if report.unassigned:
            self.stdout.write(
                f"{len(report.unassigned)} zonder verantwoordelijke of e-mail van de organisatie "
                "(naar de redactie)."
            )
        verb = "Zou sturen" if dry_run else "Verstuurd"
        self.stdout.write(f"{verb}: {len(report.digests)} e-mail(s), {report.services} regels.")
