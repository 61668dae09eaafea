"""manage.py import_wijken FILE --gemeente GM0451 [--dry-run]: CBS wijk boundaries."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.wijk_import import WijkImportError, import_wijken


class Command(BaseCommand):
    help = (
        "Zet de wijkgrenzen uit de CBS Wijk- en buurtkaart (GeoJSON, RD New of WGS84) in de "
        "wijkpagina's. Alles of niets; --dry-run laat zien wat er zou veranderen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--gemeente", required=True, help="CBS-gemeentecode, bijv. GM0451")
        parser.add_argument("--dry-run", action="store_true", help="Niets opslaan")

    def handle(self, *args, file, gemeente, dry_run, **options):
        try:
            raw = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Kan het bestand niet lezen: {error}") from None
        try:
            report = import_wijken(raw, gemeente, dry_run=dry_run)
        except WijkImportError as error:
            raise CommandError(str(error)) from None
        system = "RD New (EPSG:28992), omgerekend" if report.crs.endswith("28992") else "WGS84"
        self.stdout.write(f"Coördinaten: {system}.")
        for result in report.results:
            where = f" → wijk '{result.page.title}'" if result.page else ""
            self.stdout.write(f"{result.wijk.code} {result.wijk.name}: {result.action}{where}")
        self.stdout.write(f"Locaties in een andere wijk: {report.places_moved}.")
        missing = report.count("niet gevonden")
        if missing:
            self.stdout.write(
                self.style.WARNING(
                    f"{missing} wijk(en) niet gevonden. Maak de wijkpagina aan of vul bij een "
                    "bestaande wijk de CBS-wijkcode in, en importeer opnieuw."
                )
            )
        prefix = "Proef (niets opgeslagen): " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(f"{prefix}{report.count('bijgewerkt')} wijk(en) bijgewerkt.")
        )
