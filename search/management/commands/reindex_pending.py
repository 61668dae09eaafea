from django.core.management.base import BaseCommand

from search import queue


class Command(BaseCommand):
    help = (
        "Index the services whose change waits for the background worker (search.queue), "
        "for when no worker runs; the worker and the daily rebuild do the same."
    )

    def handle(self, *args, **options):
        count = queue.process_pending()
        self.stdout.write(f"Reindexed {count} waiting services; {queue.waiting()} still wait.")
