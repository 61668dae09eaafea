"""The English site as the project ships it, in a real browser: the demo loader's English
translations (cms/demo_english.py, fixtures/demo/catalogue.en.json) on the live demo site.
Every English page says ``lang="en"``, links its Dutch and English twin with ``hreflang``,
passes axe-core's WCAG 2.2 A/AA checks, and the language switch keeps the page without
JavaScript or cookies."""

import json
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.browser.support import describe, run_axe, wait_for_maps

pytestmark = pytest.mark.browser

SERVICE = "budgetmaatje"
ORGANISATION_SERVICE = "sociaal-loket"  # an organisation with an English name
# (name, English path, its Dutch twin)
ENGLISH_PAGES = [
    ("en-home", "/en/", "/"),
    ("en-zoeken", "/en/zoeken/?q=debts", "/zoeken/?q=debts"),
    ("en-voorziening", f"/en/voorzieningen/{SERVICE}/", f"/voorzieningen/{SERVICE}/"),
    ("en-organisatie", "/en/aanbieders/gemeente-uithoorn/", "/aanbieders/gemeente-uithoorn/"),
    ("en-wijk", "/en/wijken/thamerdal/", "/wijken/thamerdal/"),
    ("en-thema", "/en/voorzieningen/thema/geld/", "/voorzieningen/thema/geld/"),
    ("en-kaart", "/en/kaart/", "/kaart/"),
    ("en-wegwijzer-stap-1", "/en/wegwijzer/", "/wegwijzer/"),
    ("en-wegwijzer-stap-2", "/en/wegwijzer/vragen/?thema=geld", "/wegwijzer/vragen/?thema=geld"),
    ("en-loketten", "/en/loketten/", "/loketten/"),
]


def _english_texts() -> dict:
    from cms.demo_english import ENGLISH_CATALOGUE

    return json.loads(ENGLISH_CATALOGUE.read_text(encoding="utf-8"))


def _english(kind: str, slug: str) -> dict:
    return next(item for item in _english_texts()[kind] if item["slug"] == slug)


@pytest.fixture(scope="module")
def english_site(site, django_db_blocker):
    """The live demo site with the English translations the demo loader ships
    (``load_demo_data``, as ``make run`` does), and the search index made again so English
    questions find the English texts."""
    call_command("compilemessages", ignore_patterns=[".venv", "node_modules", "staticfiles"])
    from search import indexing
    from search.engines.embedded import snapshot

    with django_db_blocker.unblock():
        call_command("load_demo_data", verbosity=0)
        indexing.rebuild(elastic=False)
        snapshot.reset()
    return site


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _alternates(page) -> dict[str, str]:
    links = page.locator('head link[rel="alternate"][hreflang]')
    return {
        links.nth(i).get_attribute("hreflang"): _path(links.nth(i).get_attribute("href"))
        for i in range(links.count())
    }


def test_english_pages_are_english_linked_to_dutch_and_pass_axe_wcag22_aa(
    english_site, page, axe_source, screenshots
):
    failures = {}
    for name, path, dutch in ENGLISH_PAGES:
        page.goto(path)
        wait_for_maps(page)
        assert page.locator("html").get_attribute("lang") == "en", name
        assert page.locator("#inhoud").get_attribute("lang") is None, name  # not shown in Dutch
        assert _alternates(page) == {"nl": dutch, "en": path, "x-default": dutch}, name
        violations = run_axe(page, axe_source)
        if violations:
            failures[name] = describe(violations)
        page.screenshot(path=screenshots / f"{name}-1280.png", full_page=True)
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


def test_the_english_demo_texts_are_what_a_resident_reads(english_site, page):
    service = _english("services", ORGANISATION_SERVICE)
    council = _english("organisations", "gemeente-uithoorn")["name"]
    page.goto(f"/en/voorzieningen/{ORGANISATION_SERVICE}/")
    assert page.get_by_role("heading", level=1).inner_text() == service["title"]
    assert page.get_by_text(service["summary"]).first.is_visible()
    assert page.get_by_role("link", name=council).is_visible()  # the provider, in English
    page.goto("/en/zoeken/?q=social+help+desk")
    card = page.locator("article.card", has=page.get_by_role("link", name=service["title"]))
    assert card.get_by_text(council).is_visible()
    page.goto("/en/wijken/thamerdal/")
    assert _english("wijken", "thamerdal")["intro"] in page.locator("#inhoud").inner_text()


def test_language_switch_keeps_the_page_without_javascript(english_site, browser):
    from tests.browser.support import new_context

    title = _english("services", SERVICE)["title"]
    context = new_context(
        browser, english_site, viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(f"/voorzieningen/{SERVICE}/")
        page.get_by_role("link", name="English").click()
        assert page.url.endswith(f"/en/voorzieningen/{SERVICE}/")
        assert page.get_by_role("heading", level=1).inner_text() == title
        page.get_by_role("link", name="Nederlands").click()
        assert page.url.endswith(f"/voorzieningen/{SERVICE}/") and "/en/" not in page.url
        assert page.get_by_role("heading", level=1).inner_text() != title
        page.goto("/zoeken/?q=schulden")
        page.get_by_role("link", name="English").click()
        assert page.url.endswith("/en/zoeken/?q=schulden")
        page.goto("/loketten/")
        page.get_by_role("link", name="English").click()
        assert page.url.endswith("/en/loketten/")
        assert (
            page.get_by_role("heading", level=1).inner_text()
            == (_english_texts()["pages"]["loketten"]["title"])
        )
        assert context.cookies() == []
    finally:
        context.close()
