from pathlib import Path

from django.core.management.base import BaseCommand

from editorial.service_csv import export_services, exportable_services


class Command(BaseCommand):
    help = "Exporteer alle gepubliceerde voorzieningen naar een CSV-bestand (of '-' voor stdout)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        services = exportable_services()
        data = export_services(services)
        if file == "-":
            self.stdout.write(data.decode("utf-8-sig"), ending="")
            return
        Path(file).write_bytes(data)
        self.stderr.write(f"{services.count()} voorzieningen geschreven naar {file}.")
