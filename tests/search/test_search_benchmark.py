"""benchmarks/search.py runs end to end for a small catalogue and ends with its summary line."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(
    r"^embedded services=(\d+) p95_cpu_ms=(\d+\.\d) rss_mb=(\d+) rebuild_s=(\d+\.\d)$"
)


@pytest.mark.once
def test_the_search_benchmark_runs_for_a_small_catalogue(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = subprocess.run(
        [sys.executable, "benchmarks/search.py", "--services", "30", "--repeat", "1",
         "--judged", "dev", "--database", str(tmp_path / "bench.sqlite3")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-5:]
    services, p95, rss, rebuild = summary.groups()
    assert int(services) >= 30  # the generated ones plus the demo catalogue
    assert float(p95) > 0 and int(rss) > 0 and float(rebuild) > 0
    assert any(line.startswith("success@5 (dev, demo)") for line in lines)
    assert any(line.startswith("query CPU p99") for line in lines)
    assert any(line.startswith("full index build (65 services, 1 process(es))") for line in lines)
    assert not any("heldout" in line for line in lines)  # --judged dev leaves it unopened
    traced = next(line for line in lines if line.startswith("snapshot size (tracemalloc"))
    assert float(traced.split()[-3]) > 0  # what 65 services keep: measured, not RSS noise
