"""Lighthouse 12.2 (npm, run by Node with Debian's Chromium), mobile, on five pages in one
session and one live server: accessibility and best practices 1.0, performance at least
0.95, first load at most 200 KB and no request to any other host. Reports and screenshots at
390 and 1280 px go to screenshots/ (not in git). Heavy: marked ``lighthouse``."""

import json
import os
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.compressed_static import compressed_live_server
from tests.browser.support import CHROMIUM, SCREENSHOTS, new_context, wait_for_maps

pytestmark = pytest.mark.lighthouse

LIGHTHOUSE = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
BUDGET = 200 * 1024
# Chromium sometimes loses the start of its performance trace; Lighthouse then asks to be run
# again. On a loaded machine (the whole CI suite) this happened twice in a row on one page, so
# up to three retries, a moment apart, for that error only; any other error fails at once.
TRACE_FLAKES = {"NO_NAVSTART"}
RETRIES = 3
RETRY_PAUSE_S = 2
PAGES = {
    "home": "/",
    "zoeken": "/zoeken/?q=schulden",
    "voorziening": "/voorzieningen/sociaal-loket/",
    "kaart": "/kaart/",
    "wegwijzer-uitkomst": (
        "/wegwijzer/uitkomst/?thema=geld&voor-wie=mijn-kind&haast=vandaag&postcode=1422AA"
    ),
}


def run_lighthouse(url: str, output: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        "--only-categories=performance,accessibility,best-practices",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=30000",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for attempt in range(RETRIES + 1):
        if attempt:
            time.sleep(RETRY_PAUSE_S)
        output.unlink(missing_ok=True)  # never read the report of an earlier attempt
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
        report = json.loads(output.read_text(encoding="utf-8")) if output.exists() else {}
        if report.get("runtimeError", {}).get("code") not in TRACE_FLAKES:
            break
    assert done.returncode == 0, done.stderr[-2000:]
    return report


@pytest.fixture(scope="module")
def reports(browser, site):
    """Lighthouse on every page, once; screenshots of each page at 390 and 1280 px."""
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: run `npm ci` (make install-test does)."
    SCREENSHOTS.mkdir(exist_ok=True)
    server = compressed_live_server()
    try:
        found = {
            name: run_lighthouse(server.url + path, SCREENSHOTS / f"lighthouse-{name}.json")
            for name, path in PAGES.items()
        }
        for width, height in ((390, 844), (1280, 900)):
            context = new_context(browser, server, viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(path)
                wait_for_maps(page)
                page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
            context.close()
    finally:
        server.stop()
    return found


def failing_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in refs
        if ref["weight"] > 0 and (audits[ref["id"]]["score"] or 0) < 1
    ]


@pytest.mark.parametrize("name", PAGES)
def test_accessibility_and_best_practices_are_perfect(reports, name):
    report = reports[name]
    for category in ("accessibility", "best-practices"):
        score = report["categories"][category]["score"]
        assert score == 1, (name, category, score, failing_audits(report, category))


@pytest.mark.parametrize("name", PAGES)
def test_performance_is_at_least_095(reports, name):
    report = reports[name]
    score = report["categories"]["performance"]["score"]
    metrics = {
        key: report["audits"][key]["displayValue"]
        for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
    }
    assert score >= 0.95, (name, score, metrics)


@pytest.mark.parametrize("name", PAGES)
def test_first_load_is_small_and_only_from_our_own_host(reports, name):
    report = reports[name]
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    assert weight <= BUDGET, (name, weight)
    requests = report["audits"]["network-requests"]["details"]["items"]
    hosts = {urlparse(item["url"]).netloc for item in requests if item["url"].startswith("http")}
    assert hosts == {urlparse(report["finalDisplayedUrl"]).netloc}, (name, hosts)
