from django.core.management.base import BaseCommand

from cms.demo import CATALOGUE, load_catalogue
from cms.demo_english import (
    ENGLISH_CATALOGUE,
    english_demo_missing,
    load_english,
    load_english_labels,
)


class Command(BaseCommand):
    help = (
        "Load the Uithoorn demo catalogue and its English translations. Safe to run again: "
        "existing content is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(CATALOGUE), help="Catalogue JSON file")
        parser.add_argument(
            "--english-file",
            default=str(ENGLISH_CATALOGUE),
            help="The English texts of the catalogue (per object the same slug)",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only load when the site has no services yet (used by 'make run'); the "
            "English translations only when no service has one yet.",
        )

    def handle(self, *args, **options):
        from cms.models import ServicePage

        if options["if_empty"] and ServicePage.objects.exists():
            self.stdout.write("De site heeft al inhoud; voorbeeldgegevens niet opnieuw geladen.")
            if english_demo_missing():
                self._report(load_english(options["english_file"]), "Engelse vertalingen")
            elif changed := load_english_labels(options["english_file"]):
                # English pages from before the English names of themes, target groups
                # and places existed (cms/0010): only those names are added.
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Engelse namen aangevuld: {changed} onderwerpen, doelgroepen en plekken."
                    )
                )
            return
        self._report(load_catalogue(options["file"]), "Voorbeeldgegevens")
        self._report(load_english(options["english_file"]), "Engelse vertalingen")

    def _report(self, report, what):
        if report.total == 0:
            self.stdout.write(f"{what}: alles was al geladen. Er is niets veranderd.")
        else:
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"{what} geladen: {summary}."))
