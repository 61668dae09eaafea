"""A full rebuild made in worker processes writes the same index, in the same order, as
one made in a single process; it is used only where the workers can read the database."""

import pytest
from django.db import connection

from search import build_workers, indexing, query, record
from search.models import SearchEntry
from search.types import SearchParams


def _index() -> list[dict]:
    """Every row of the index in the order written, without the time of writing."""
    return list(SearchEntry.objects.order_by("id").values(*_columns()))


def _columns():
    return [
        f.attname
        for f in SearchEntry._meta.concrete_fields
        if f.attname not in ("id", "indexed_at")
    ]


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_in_worker_processes_writes_what_one_process_writes(build, settings, monkeypatch):
    geld = build.theme("geld", "Geld en schulden")
    place = build.place("kuyper", "Buurthuis De Kuyper")
    for i in range(12):
        build.service(
            f"dienst-{i:02}",
            f"Taalcafe {i}" if i % 2 else f"Hulp bij schulden {i}",
            phrases=[f"ik wil beter Nederlands praten {i}", "ik heb schulden"],
            themes=[geld] if i % 3 else [],
            places=[place] if i % 4 else [],
            body=[("paragraph", f"<p>Kom langs op <b>dinsdag</b> bij tafel {i}.</p>")],
        )
    monkeypatch.setattr(build_workers, "MIN_SERVICES", 5)
    monkeypatch.setattr(record, "BATCH", 5)  # three batches: their order must hold

    settings.SEARCH_REBUILD_WORKERS = 1
    alone = indexing.rebuild(elastic=False)
    written_alone = _index()
    settings.SEARCH_REBUILD_WORKERS = 2
    shared = indexing.rebuild(elastic=False)

    assert alone.workers == 1 and alone.services == shared.services == 12
    if connection.vendor == "postgresql":
        assert shared.workers == 2
        assert 50 < shared.worker_peak_mb < 2000  # what each worker held at its peak
    else:  # an in-memory SQLite database is not shared with another process
        assert connection.is_in_memory_db() and shared.workers == 1
    assert _index() == written_alone
    found = query.run(SearchParams(q="dinsdag tafel 7"), record=False).results
    assert found[0].slug == "dienst-07"


@pytest.mark.django_db
def test_inside_a_transaction_the_records_are_made_in_this_process(settings):
    settings.SEARCH_REBUILD_WORKERS = 4
    assert build_workers.plan() == (1, [])
