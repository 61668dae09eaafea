from pathlib import Path

from django.core.management.base import BaseCommand

from search.synonyms import EDITOR_FILE, Synonym, export_lines


class Command(BaseCommand):
    help = (
        "Write the synonyms editors added in the CMS to a vocabulary file "
        "(default: search/data/synonyms/redactie.txt), so they can be reviewed and committed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(EDITOR_FILE), help="File to write ('-': print)")

    def handle(self, *args, **options):
        text = "\n".join(export_lines()) + "\n"
        if options["output"] == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(options["output"])
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"{Synonym.objects.count()} synonyms written to {path}.")
