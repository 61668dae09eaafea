"""Finding, waiting for and starting search nodes for the live tests marked ``cluster``.

The rule (also in README.md):

- ``SEARCH_CLUSTER_URL`` set: the live tests use that node (OpenSearch 2 or Elasticsearch 8,
  told apart by its answer on ``/``) and FAIL when it does not answer.
- otherwise, under CI (``CI=true``): the node that ``.ci/run`` starts,
  ``http://127.0.0.1:$SEARCH_CLUSTER_PORT`` (default 9201); also failing when it is down.
- otherwise (a developer's ``make test`` without a node): the live tests are skipped, with
  the reason saying how to run them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

NODE_SCRIPT = Path(__file__).resolve().parents[2] / "search" / "cluster" / "node.sh"
START_TIMEOUT = float(os.environ.get("SEARCH_CLUSTER_START_TIMEOUT", "180"))


def configured_url() -> str | None:
    url = os.environ.get("SEARCH_CLUSTER_URL", "").strip()
    if url:
        return url.rstrip("/")
    if os.environ.get("CI", "").lower() == "true":
        return f"http://127.0.0.1:{os.environ.get('SEARCH_CLUSTER_PORT', '9201')}"
    return None


def _get(url: str, timeout: float = 3) -> dict:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


def ready(url: str) -> bool:
    try:
        health = _get(f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s")
    except (OSError, ValueError):
        return False
    return health.get("status") in ("green", "yellow")


def wait_ready(url: str, timeout: float = START_TIMEOUT, process=None) -> float:
    """Seconds waited until the node at ``url`` is green/yellow; raises when it is not."""
    started = time.monotonic()
    while not ready(url):
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the node for {url} exited with {process.returncode}")
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"no search node answered at {url} within {timeout:.0f} s")
        time.sleep(0.5)
    return time.monotonic() - started


def product(url: str) -> str:
    """ "opensearch" or "elasticsearch", from the node's own description."""
    version = _get(f"{url}/")["version"]
    return "opensearch" if version.get("distribution") == "opensearch" else "elasticsearch"


class OwnNode:
    """A node of a test's own (never the shared CI node), on its own port and data folder."""

    def __init__(self, port: int, data: Path, log: Path):
        self.port, self.data, self.log = port, data, log
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        if ready(self.url):
            raise RuntimeError(f"port {self.port} is already taken by another search node")
        env = {**os.environ, "SEARCH_CLUSTER_PORT": str(self.port)}
        env["SEARCH_CLUSTER_DATA"] = str(self.data)
        env["SEARCH_CLUSTER_HEAP"] = os.environ.get("SEARCH_CLUSTER_HEAP", "384m")
        with self.log.open("ab") as log:
            # node.sh `run` execs java: the pid is the node's own.
            self.process = subprocess.Popen(
                [str(NODE_SCRIPT), "run"], env=env, stdout=log, stderr=log
            )
        return wait_ready(self.url, process=self.process)

    def kill(self) -> None:
        """The hard way, as a crash would: SIGKILL, no clean shutdown."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()
