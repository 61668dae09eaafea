import time

from django.core.management.base import BaseCommand, CommandError

from search import indexing, queue
from search.engines.cluster import transport
from search.engines.embedded import saved, snapshot


class Command(BaseCommand):
    help = (
        "Rebuild the search index: always the embedded index, and the cluster when "
        "OPENSEARCH_URL or ELASTICSEARCH_URL is set (into a new index, then an alias swap: "
        "no downtime)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--embedded-only",
            action="store_true",
            help="Skip the cluster even when OPENSEARCH_URL or ELASTICSEARCH_URL is set.",
        )

    def handle(self, *args, **options):
        configured = transport.configured_product() is not None
        name = transport.label()
        use_elastic = configured and not options["embedded_only"]
        report = indexing.rebuild(elastic=use_elastic)
        self.stdout.write(
            f"Embedded index: {report.services} services in {report.embedded_seconds:.2f} s."
        )
        # Changes queued meanwhile (or while no worker ran) are indexed, and the table emptied.
        self.stdout.write(f"Waiting changes indexed: {queue.process_pending()}.")
        if saved.path() is not None:  # the app processes read this instead of the table
            started = time.perf_counter()
            loaded = snapshot.current()  # read from the table, and saved, after the rebuild
            where = loaded.saved_to if loaded.source == "table" else saved.save(loaded)
            if where is None:
                self.stderr.write(f"Search snapshot not saved to {saved.path()} (see the log).")
            else:
                self.stdout.write(
                    f"Search snapshot of {len(loaded.docs)} services saved to {where} "
                    f"in {time.perf_counter() - started:.2f} s."
                )
        if not use_elastic:
            if not configured:
                self.stdout.write(
                    "Elasticsearch/OpenSearch: not configured "
                    "(ELASTICSEARCH_URL and OPENSEARCH_URL are empty)."
                )
            return
        if report.elastic_error:
            raise CommandError(
                f"{name} index not rebuilt: {report.elastic_error}. "
                "Searches are answered by the embedded index meanwhile."
            )
        self.stdout.write(
            f"{name}: {report.services} services into {report.elastic_index} "
            f"in {report.elastic_seconds:.2f} s; alias swapped."
        )
