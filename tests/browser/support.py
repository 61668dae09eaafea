"""What the browser tests share: the public pages to visit and small helpers."""

import json
import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
NO_TILES = "**/static/map/no-tiles/**"  # test settings: a tile server that is not there

# (name, path): every kind of public page in the demo site.
PAGES = [
    ("home", "/"),
    ("zoeken", "/zoeken/?q=ik+heb+schulden"),
    ("zoeken-leeg", "/zoeken/?q=xyzzyplof"),
    ("kaart", "/kaart/"),
    ("kaart-postcode", "/kaart/?thema=geld&postcode=1422AA"),
    ("wegwijzer-stap-1", "/wegwijzer/"),
    ("wegwijzer-stap-2", "/wegwijzer/vragen/?thema=geld"),
    (
        "wegwijzer-uitkomst",
        "/wegwijzer/uitkomst/?thema=geld&voor-wie=mijn-kind&haast=vandaag&postcode=1422AA",
    ),
    ("wegwijzer-fout", "/wegwijzer/uitkomst/?thema=bestaat-niet"),
    ("voorziening", "/voorzieningen/sociaal-loket/"),
    ("organisatie", "/aanbieders/gemeente-uithoorn/"),
    ("wijk", "/wijken/thamerdal/"),
    ("loketten", "/loketten/"),
    ("toegankelijkheid", "/toegankelijkheid/"),
    ("404", "/deze-pagina-bestaat-niet/"),
]
KEY_PAGES = [
    "home",
    "zoeken",
    "kaart",
    "wegwijzer-stap-1",
    "wegwijzer-uitkomst",
    "voorziening",
    "wijk",
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def wait_for_maps(page):
    """Maps draw after the scripts run; wait until every map that starts by itself is ready."""
    page.wait_for_function(
        """() => [...document.querySelectorAll(
                    '[data-map], [data-minimap][data-autoload] [data-minimap-map]')]
                 .every((el) => el.dataset.ready === 'true')"""
    )


def run_axe(page, axe_source):
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe(violations) -> str:
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"][:5]]
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} {json.dumps(targets)}"
        )
    return "\n".join(lines)


def new_context(browser, site, **options):
    """A fresh browser context on the live server; map tiles never load (no tile server)."""
    context = browser.new_context(base_url=site.url, locale="nl-NL", **options)
    context.route(NO_TILES, lambda route: route.abort())
    context.set_default_timeout(10_000)
    return context


def require_chromium():
    """Skip without Debian's Chromium, except in CI (CI installs it): there, fail."""
    if os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK):
        return
    message = f"{CHROMIUM} is missing (apt-get install chromium)."
    if os.environ.get("CI"):
        pytest.fail(f"{message} CI installs it, so this must not be skipped.", pytrace=False)
    pytest.skip(f"Browser tests skipped: {message}")
