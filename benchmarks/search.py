#!/usr/bin/env python
"""Benchmark the embedded search engine against Wagtail's stock database search backend.

    .venv/bin/python benchmarks/search.py [--services 5000] [--repeat 3] [--database PATH]
                                          [--judged all|dev]
    DATABASE_URL=postgres://.../throwaway .venv/bin/python benchmarks/search.py --services N

In a throwaway database (a temporary SQLite file, or the EMPTY database DATABASE_URL names:
everything in it is overwritten) it
1. loads the demo catalogue and measures quality (success@5, MRR@10) of both engines on the
   judged questions (../shared/search-eval/dev.tsv, plus tests/search/data/heldout.tsv unless
   ``--judged dev``: then the held-out file is not opened, and only the dev questions are
   timed below);
2. adds N generated services with realistic Dutch text, builds both indexes from scratch
   and measures the build time;
3. measures query latency (CPU time p50/p95/p99 and wall clock p50/p95, in-process, no
   HTTP) of both engines on the same questions, with and without a postcode for the embedded
   engine, the process's peak RSS, and the snapshot's size in a fresh process, as an app
   process loads it: the Python memory it keeps (tracemalloc, traced after the load) and the
   resident memory it adds (RSS growth, measured in a second fresh process without tracing).
Elasticsearch is switched off. The last line sums it up for scripts:
``embedded services=N p95_cpu_ms=... rss_mb=... rebuild_s=...``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# Python puts this folder first on the path; it must not shadow the `search` app.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from benchmarks.dutch_corpus import generate_services  # noqa: E402


def setup_django(database: Path | None, migrate: bool = True) -> None:
    if database is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["ELASTICSEARCH_URL"] = os.environ["OPENSEARCH_URL"] = ""
    os.environ["DJANGO_SETTINGS_MODULE"] = "sociale_kaart.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    if migrate:
        call_command("migrate", verbosity=0)


def load_cases(path: Path) -> list[tuple[str, set[str]]]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            question, _, answers = line.partition("\t")
            cases.append((question, {s.strip() for s in answers.split(",") if s.strip()}))
    return cases


def score(ranked: list[str], relevant: set[str], k: int = 5) -> tuple[bool, float]:
    rank = next((i + 1 for i, slug in enumerate(ranked[:10]) if slug in relevant), None)
    return (rank is not None and rank <= k), (1 / rank if rank else 0.0)


def embedded_slugs(question: str, **kwargs) -> list[str]:
    from search import query
    from search.types import SearchParams

    return [r.slug for r in query.run(SearchParams(q=question, **kwargs), record=False).results]


def wagtail_slugs(question: str) -> list[str]:
    from wagtail.search.backends import get_search_backend

    from cms.models import ServicePage

    results = get_search_backend().search(question, ServicePage.objects.live())
    return [page.slug for page in results[:10]]


def quality(cases, search) -> tuple[float, float]:
    found = reciprocal = 0.0
    for question, relevant in cases:
        hit, rr = score(search(question), relevant)
        found += hit
        reciprocal += rr
    return found / len(cases), reciprocal / len(cases)


def latencies(questions, search, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call (CPU time is what other users of a shared
    machine do not distort)."""
    wall, cpu = [], []
    for _ in range(repeat):
        for question in questions:
            started, started_cpu = time.perf_counter(), time.process_time()
            search(question)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu


def rss_mb() -> float:
    """Resident memory of this process now."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def disconnect_index_signals():
    """Generating thousands of pages is not what we measure: keep both indexes quiet."""
    from django.apps import apps
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import update_reference_index_on_save

    for model in apps.get_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.disconnect(update_reference_index_on_save, sender=model)


def probe_rebuild() -> dict:
    """In this (fresh) process: a full rebuild as ``rebuild_search_index`` makes it, with the
    peak resident memory of this process and of its busiest worker (both VmHWM)."""
    from search import build_workers, indexing

    report = indexing.rebuild(elastic=False)
    return {
        "services": report.services,
        "seconds": report.embedded_seconds,
        "workers": report.workers,
        "peak_mb": build_workers.peak_mb(),
        "worker_peak_mb": report.worker_peak_mb or 0.0,
    }


def probe_snapshot(how: str) -> dict:
    """In this (fresh) process: load the snapshot as an app process does and measure what it
    keeps. ``traced``: bytes Python still holds after the load (tracemalloc, started just
    before it) and the traced peak during it; ``rss``: resident memory added by the load;
    ``saved``: the time to read it from the file in ``SEARCH_SNAPSHOT_DIR``."""
    from django.db import connection

    from search.engines.embedded import snapshot
    from search.models import SearchEntry

    if how == "rebuild":
        return probe_rebuild()
    SearchEntry.objects.exists()  # connection open, ORM warmed: not part of the snapshot
    gc.collect()
    if how == "saved":  # as a new app process with SEARCH_SNAPSHOT_DIR
        started = time.perf_counter()
        loaded = snapshot.current()
        seconds = time.perf_counter() - started
        connection.close()
        return {"seconds": seconds, "source": loaded.source, "docs": len(loaded.docs)}
    if how == "traced":
        tracemalloc.start()
        loaded = snapshot.current()
        gc.collect()
        kept, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    else:
        before = rss_mb()
        loaded = snapshot.current()
        gc.collect()
        kept, peak = (rss_mb() - before) * 2**20, 0
    connection.close()
    return {"bytes": kept, "peak_bytes": peak, "docs": len(loaded.docs)}


def measure_snapshot(database: Path | None, how: str, folder: Path | None = None) -> dict:
    """Run :func:`probe_snapshot` in a fresh Python process on the same database (with the
    snapshot saved in ``folder``, if given)."""
    command = [sys.executable, __file__, "--snapshot-probe", how]
    if database is not None:
        command += ["--database", str(database)]
    env = {**os.environ, "SEARCH_SNAPSHOT_DIR": str(folder or "")}
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=1800, env=env
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def rebuild_wagtail_index() -> float:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", type=Path, help="SQLite file (default: a temporary one)")
    parser.add_argument(
        "--judged",
        choices=("all", "dev"),
        default="all",
        help="judged sets to score and time: all (dev and held-out) or dev only",
    )
    parser.add_argument(
        "--workers",
        type=int,
        help="processes that make the rebuild's records (default: SEARCH_REBUILD_WORKERS)",
    )
    parser.add_argument(
        "--snapshot-probe", choices=("traced", "rss", "saved", "rebuild"), help=argparse.SUPPRESS
    )
    options = parser.parse_args(argv)
    if options.snapshot_probe:  # the fresh process of measure_snapshot
        setup_django(options.database, migrate=False)
        print(json.dumps(probe_snapshot(options.snapshot_probe)))
        return 0

    tmp = tempfile.TemporaryDirectory()
    database = options.database
    if database is None and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        database = Path(tmp.name) / "benchmark.sqlite3"
    if options.workers is not None:
        os.environ["SEARCH_REBUILD_WORKERS"] = str(options.workers)
    os.environ["SEARCH_SNAPSHOT_DIR"] = ""  # only the "saved" probe reads a saved snapshot
    setup_django(database)
    from django.conf import settings
    from django.db import connection

    from cms.demo import load_catalogue
    from search.engines.embedded import saved, snapshot

    shared = ROOT.parent / "shared" / "search-eval" / "dev.tsv"
    dev = load_cases(shared if shared.exists() else ROOT / "tests/search/data/dev.tsv")
    judged = [("dev", dev)]
    if options.judged == "all":
        judged.append(("heldout", load_cases(ROOT / "tests/search/data/heldout.tsv")))

    print(f"Database: {connection.vendor} {database or connection.settings_dict['NAME']}")
    if connection.vendor == "sqlite" and settings.SEARCH_REBUILD_WORKERS > 1:
        # Lets the rebuild's workers read while it writes (search/build_workers.py).
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
        print("SQLite in WAL mode")
    load_catalogue()
    rebuild_wagtail_index()
    rows = []
    for name, cases in judged:
        e_success, e_mrr = quality(cases, embedded_slugs)
        w_success, w_mrr = quality(cases, wagtail_slugs)
        rows.append((f"success@5 ({name}, demo)", f"{e_success:.3f}", f"{w_success:.3f}"))
        rows.append((f"MRR@10 ({name}, demo)", f"{e_mrr:.3f}", f"{w_mrr:.3f}"))

    disconnect_index_signals()
    started = time.perf_counter()
    generated = generate_services(options.services, seed=42)
    print(f"Generated {generated} services in {time.perf_counter() - started:.1f} s")

    connection.close()  # the rebuild runs in a fresh process, as rebuild_search_index does
    rebuilt = measure_snapshot(database, "rebuild")
    together = rebuilt["peak_mb"] + rebuilt["workers"] * rebuilt["worker_peak_mb"]
    snapshot.reset()
    gc.collect()
    started = time.perf_counter()
    snapshot.current()
    warm = time.perf_counter() - started
    settings.SEARCH_SNAPSHOT_DIR = str(Path(tmp.name) / "snapshots")
    started = time.perf_counter()
    saved.save(snapshot.current())
    save_seconds, saved_bytes = time.perf_counter() - started, saved.path().stat().st_size
    from_file = measure_snapshot(database, "saved", Path(settings.SEARCH_SNAPSHOT_DIR))
    assert from_file["source"] == "saved file", from_file
    settings.SEARCH_SNAPSHOT_DIR = ""
    traced = measure_snapshot(database, "traced")
    resident = measure_snapshot(database, "rss")
    wagtail_build = rebuild_wagtail_index()
    total, processes = rebuilt["services"], rebuilt["workers"]
    rows.append(
        (f"full index build ({total} services, {processes} process(es))",
         f"{rebuilt['seconds']:.1f} s", f"{wagtail_build:.1f} s")
    )  # fmt: skip
    rows.append(("first query after a rebuild (snapshot load)", f"{warm * 1000:.0f} ms", "-"))
    rows.append((f"snapshot saved to a file ({saved_bytes / 2**20:.0f} MB, SEARCH_SNAPSHOT_DIR)",
                 f"{save_seconds * 1000:.0f} ms", "-"))  # fmt: skip
    rows.append(("snapshot load in a new process, from that file",
                 f"{from_file['seconds'] * 1000:.0f} ms", "-"))  # fmt: skip
    rows.append(("snapshot size (tracemalloc, kept after load)",
                 f"{traced['bytes'] / 2**20:.1f} MB", "-"))  # fmt: skip
    rows.append(("snapshot load peak (tracemalloc)", f"{traced['peak_bytes'] / 2**20:.0f} MB", "-"))
    rows.append(("snapshot RSS growth on load (fresh process)",
                 f"{resident['bytes'] / 2**20:.0f} MB", "-"))  # fmt: skip
    rows.append(("peak RSS of the rebuilding process", f"{rebuilt['peak_mb']:.0f} MB", "-"))
    if processes > 1:  # each worker's own peak (VmHWM, see build_workers.peak_mb)
        rows.append(("peak RSS of a rebuild worker", f"{rebuilt['worker_peak_mb']:.0f} MB", "-"))
        rows.append(("peak RSS of the rebuild, all processes (sum of the peaks)",
                     f"{together:.0f} MB", "-"))  # fmt: skip

    questions = [q for _, cases in judged for q, _ in cases]
    embedded_ms, embedded_cpu = latencies(questions, embedded_slugs, options.repeat)
    wagtail_ms, wagtail_cpu = latencies(questions, wagtail_slugs, options.repeat)
    for label, share in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99)):
        rows.append((f"query CPU {label}", f"{percentile(embedded_cpu, share):.1f} ms",
                     f"{percentile(wagtail_cpu, share):.1f} ms"))  # fmt: skip
    for label, share in (("p50", 0.5), ("p95", 0.95)):
        rows.append((f"query wall clock {label}", f"{percentile(embedded_ms, share):.1f} ms",
                     f"{percentile(wagtail_ms, share):.1f} ms"))  # fmt: skip
    rows.append(("query wall clock max", f"{max(embedded_ms):.1f} ms", f"{max(wagtail_ms):.1f} ms"))

    from places.geo import Point

    near = Point(52.2365, 4.8325)

    def located(question):
        return embedded_slugs(question, origin=near, themes=())

    _, located_cpu = latencies(questions, located, options.repeat)
    rows.append(("query CPU p95 with a postcode (distance blend)",
                 f"{percentile(located_cpu, 0.95):.1f} ms", "-"))  # fmt: skip

    from search import query

    prefixes = sorted({q[:n] for q in questions for n in (2, 3, 5) if len(q) > n})
    _, suggest_cpu = latencies(prefixes, query.suggest, options.repeat)
    rows.append(("suggestions CPU p95 (/api/suggesties/)",
                 f"{percentile(suggest_cpu, 0.95):.1f} ms", "-"))  # fmt: skip
    rows.append(("peak RSS of the whole run", f"{peak_rss_mb():.0f} MB", "-"))

    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"\nEmbedded engine vs Wagtail database search ({connection.vendor}),"
          f" {len(questions)} questions ({options.judged}) x {options.repeat},"
          f" {os.cpu_count()} CPU(s),"
          f" load average {load}\n")  # fmt: skip
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'':{width}}{'embedded':>14}{'wagtail-db':>14}")
    for label, ours, theirs in rows:
        print(f"{label:{width}}{ours:>14}{theirs:>14}")
    print(
        f"\nmedian embedded CPU {statistics.median(embedded_cpu):.1f} ms; targets (issue 16):"
        " 20,000 services p95 CPU <= 15 ms, snapshot <= 100 MB, rebuild <= 30 s;"
        " 50,000 p95 CPU <= 30 ms, peak RSS during rebuild <= 600 MB"
    )
    tmp.cleanup()
    print(
        f"embedded services={total} p95_cpu_ms={percentile(embedded_cpu, 0.95):.1f}"
        f" rss_mb={together:.0f} rebuild_s={rebuilt['seconds']:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
