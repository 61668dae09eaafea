from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial.importer import run_import


class Command(BaseCommand):
    help = (
        "Importeer voorzieningen uit een CSV-bestand (zie editorial/service_csv.py). "
        "Alles of niets: bij één probleem verandert er niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren, niets veranderen."
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Kan {file} niet lezen: {error}") from None
        plan = run_import(data, dry_run=dry_run)
        for problem in plan.problems:
            column = f", kolom {problem.column}" if problem.column else ""
            self.stderr.write(f"Rij {problem.row}{column}: {problem.message}")
        if not plan.ok:
            raise CommandError(
                f"{len(plan.problems)} probleem/problemen gevonden. Er is niets veranderd."
            )
        verb = "Zou" if dry_run else "Klaar"
        self.stdout.write(
            f"{verb}: {plan.count('create')} nieuw, {plan.count('update')} gewijzigd, "
            f"{plan.count('unchanged')} ongewijzigd."
            + (" (proefimport: er is niets veranderd)" if dry_run else "")
        )
