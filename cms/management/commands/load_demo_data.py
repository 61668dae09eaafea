from django.core.management.base import BaseCommand

from cms.demo import CATALOGUE, load_catalogue


class Command(BaseCommand):
    help = "Load the Uithoorn demo catalogue. Safe to run again: existing content is kept."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(CATALOGUE), help="Catalogue JSON file")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only load when the site has no services yet (used by 'make run').",
        )

    def handle(self, *args, **options):
        from cms.models import ServicePage

        if options["if_empty"] and ServicePage.objects.exists():
            self.stdout.write("De site heeft al inhoud; voorbeeldgegevens niet opnieuw geladen.")
            return
        report = load_catalogue(options["file"])
        if report.total == 0:
            self.stdout.write("Alles was al geladen. Er is niets veranderd.")
        else:
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Voorbeeldgegevens geladen: {summary}."))
