"""What the browser tests share: the public pages to visit and small helpers."""

import json
import os
import re
from pathlib import Path

import pytest

from tests.browser.demo_site import PROFESSIONAL_PASSWORD, PROFESSIONAL_USERNAME

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
    ("loketten-postcode", "/loketten/?postcode=1421AA"),
    ("zoeken-dichtbij", "/zoeken/?postcode=1422AA"),
    ("toegankelijkheid", "/toegankelijkheid/"),
    ("404", "/deze-pagina-bestaat-niet/"),
    # Editorial pages a resident reaches without logging in.
    ("wijziging", "/voorzieningen/budgetmaatje/wijziging/"),
    ("wijziging-bedankt", "/voorzieningen/budgetmaatje/wijziging/bedankt/"),
    ("feedback-wat-miste-u", "/feedback/wat-miste-u/?next=/voorzieningen/budgetmaatje/"),
    ("feedback-bedankt", "/feedback/bedankt/?next=/voorzieningen/budgetmaatje/"),
    ("inloggen", "/inloggen/"),
]
KEY_PAGES = [
    "home",
    "zoeken",
    "kaart",
    "wegwijzer-stap-1",
    "wegwijzer-uitkomst",
    "voorziening",
    "wijk",
    "wijziging",
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # WCAG 2.2 A and AA


def wait_for_maps(page):
    """Maps draw after the scripts run; wait until every map that starts by itself is ready.
    The /kaart/ map starts when it is in view: one hidden behind the phone's Lijst tab waits."""
    page.wait_for_function(
        """() => [...document.querySelectorAll(
                    '[data-map], [data-minimap][data-autoload] [data-minimap-map]')]
                 .filter((el) => !el.matches('[data-map]') || el.checkVisibility())
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


SERVICE = "/voorzieningen/budgetmaatje/"
WHOS_WHO = "/professionals/wie-doet-wat/"
HOME = re.compile(r"^https?://[^/]+/$")


def log_in_as_professional(page, password=PROFESSIONAL_PASSWORD):
    """Log in through the public form, as a professional would."""
    page.goto("/inloggen/")
    page.fill("#id_username", PROFESSIONAL_USERNAME)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_load_state()


def walk_editorial_pages(page, check):
    """The editorial pages in the states a form puts them in, calling check(name) on each:
    a correction with errors and sent, feedback on a service and on search results, a failed
    and a good login, and, as a professional, "Wie doet wat" and a service page."""
    page.goto(SERVICE + "wijziging/")
    page.get_by_role("button", name="Versturen").click()
    page.locator(".form-error").first.wait_for()
    check("wijziging-met-fouten")
    page.get_by_label("Iets anders").check()
    page.fill("#id_explanation", "Het spreekuur is nu op dinsdag.")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url("**/wijziging/bedankt/")
    check("wijziging-bedankt-na-versturen")

    page.goto(SERVICE)
    check("voorziening-met-feedback")
    page.locator("form.feedback").get_by_role("button", name="Nee").click()
    page.wait_for_url("**/feedback/wat-miste-u/**")
    check("feedback-wat-miste-u-na-nee")
    page.fill("#id_missing", "Hoe lang het duurt.")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url("**/feedback/bedankt/**")
    check("feedback-bedankt-na-versturen")

    page.goto("/zoeken/?q=ik+heb+schulden")
    page.locator("form.feedback").get_by_role("button", name="Ja").click()
    page.wait_for_url("**/feedback/bedankt/**")
    check("zoeken-feedback-bedankt")

    log_in_as_professional(page, password="fout-wachtwoord")
    page.locator("[role=alert]").wait_for()
    check("inloggen-fout")
    log_in_as_professional(page)
    page.wait_for_url("**" + WHOS_WHO)
    check("wie-doet-wat")
    footer = page.locator(".site-footer")
    footer.get_by_role("link", name="Wie doet wat").wait_for()
    page.goto(SERVICE)
    page.locator(".alleen-professionals").wait_for()
    check("voorziening-professional")
    footer.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(HOME)
    footer.get_by_role("link", name="Inloggen voor professionals").wait_for()
    check("uitgelogd")


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
