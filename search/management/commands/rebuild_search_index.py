from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = (
        "Rebuild the search index: always the embedded index, and Elasticsearch when "
        "ELASTICSEARCH_URL is set (into a new index, then an alias swap: no downtime)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--embedded-only",
            action="store_true",
            help="Skip Elasticsearch even when ELASTICSEARCH_URL is set.",
        )

    def handle(self, *args, **options):
        use_elastic = bool(settings.ELASTICSEARCH_URL) and not options["embedded_only"]
        report = indexing.rebuild(elastic=use_elastic)
        self.stdout.write(
            f"Embedded index: {report.services} services in {report.embedded_seconds:.2f} s."
        )
        if not use_elastic:
            if not settings.ELASTICSEARCH_URL:
                self.stdout.write("Elasticsearch: not configured (ELASTICSEARCH_URL is empty).")
            return
        if report.elastic_error:
            raise CommandError(
                f"Elasticsearch index not rebuilt: {report.elastic_error}. "
                "Searches are answered by the embedded index meanwhile."
            )
        self.stdout.write(
            f"Elasticsearch: {report.services} services into {report.elastic_index} "
            f"in {report.elastic_seconds:.2f} s; alias swapped."
        )
