"""Load test of the production server: gunicorn with deploy/gunicorn.conf.py and the
production settings, 5,000 generated services, requests/s and p50/p95 latency per URL at 1, 10
and 50 concurrent clients, side by side with a static file from the same server (whitenoise):
the ceiling of this machine.

    .venv/bin/python benchmarks/load.py [--services 5000] [--seconds 5] [--keep DIR]

The clients run on the same machine (threads in this process), so on a small machine they
take CPU from the server: read the static-file row as the ceiling of server + client here.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.project.production_server import (  # noqa: E402
    manage,
    production_environment,
    start_gunicorn,
)

URLS = [
    "/",
    "/zoeken/?q=schulden",
    "/api/zoeken/?q=eenzaam",
    "/api/kaart.geojson",
]
CONCURRENCY = (1, 10, 50)
GENERATE = """
import django; django.setup()
from benchmarks.search import disconnect_index_signals
from benchmarks.dutch_corpus import generate_services
disconnect_index_signals()
print(generate_services({count}, seed=42))
"""


def static_url(env: dict) -> str:
    out = manage(env, "shell", "-c", "from django.templatetags.static import static; "
                 "print(static('css/site.css'))")  # fmt: skip
    return out.strip().splitlines()[-1]


def prepare(env: dict, services: int) -> None:
    started = time.perf_counter()
    manage(env, "migrate", "--no-input")
    manage(env, "createcachetable")
    manage(env, "load_demo_data")
    subprocess.run(
        [sys.executable, "-c", GENERATE.format(count=services)],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=1800,
    )  # fmt: skip
    manage(env, "rebuild_search_index", timeout=1800)
    manage(env, "collectstatic", "--no-input")
    print(f"prepared {services} services in {time.perf_counter() - started:.0f} s", flush=True)


def run(port: int, path: str, clients: int, seconds: float) -> tuple[float, float, float, int]:
    """(requests/s, p50 ms, p95 ms, errors) for ``clients`` keep-alive connections."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds
    headers = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        while time.perf_counter() < stop_at:
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            if ok:
                mine.append(time.perf_counter() - start)
            else:
                with lock:
                    errors[0] += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if not latencies:
        return 0.0, 0.0, 0.0, errors[0]
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    return len(latencies) / elapsed, statistics.median(latencies) * 1000, p95 * 1000, errors[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--keep", type=Path, help="reuse/keep the prepared site in this folder")
    options = parser.parse_args(argv)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="sociale-kaart-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = production_environment(folder, SECRET_KEY="load-test-" + "k" * 50)
    if not (folder / "db.sqlite3").exists():
        prepare(env, options.services)
    server = start_gunicorn(env, workers=int(env.get("GUNICORN_WORKERS", 3)))
    try:
        urls = [*URLS, static_url(env)]
        for path in urls:  # warm every worker's caches
            for _ in range(6):
                run(server.port, path, 1, 0.01)
        header = f"{'URL':32}" + "".join(f" | {f'{c} client(s)':^24}" for c in CONCURRENCY)
        print(header)
        print(f"{'':32}" + " | req/s   p50 ms   p95 ms  " * len(CONCURRENCY))
        print("-" * len(header))
        for path in urls:
            cells = []
            for clients in CONCURRENCY:
                rps, p50, p95, errors = run(server.port, path, clients, options.seconds)
                cells.append(
                    f"{rps:6.1f} {p50:8.1f} {p95:8.1f}" + (f" !{errors}" if errors else "")
                )
            label = "static: " + path.rsplit("/", 1)[-1] if path.startswith("/static/") else path
            print(f"{label[:32]:32}" + "".join(f" | {cell:24}" for cell in cells), flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
