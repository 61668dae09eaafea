"""The English site in a real browser: WCAG 2.2 A/AA with axe-core on the English home, search
results, a service page, the map, the wegwijzer and the loketten (an untranslated page, shown
in Dutch with a note), and the language switch works without JavaScript."""

import pytest
from django.core.management import call_command

from tests.browser.support import describe, run_axe, wait_for_maps

pytestmark = pytest.mark.browser

SERVICE = "budgetmaatje"
ENGLISH_PAGES = [
    ("en-home", "/en/"),
    ("en-zoeken", "/en/zoeken/?q=schulden"),
    ("en-voorziening", f"/en/voorzieningen/{SERVICE}/"),
    ("en-kaart", "/en/kaart/"),
    ("en-wegwijzer-stap-1", "/en/wegwijzer/"),
    ("en-wegwijzer-stap-2", "/en/wegwijzer/vragen/?thema=geld"),
    ("en-loketten", "/en/loketten/"),
]


@pytest.fixture(scope="module")
def english_site(site, django_db_blocker):
    """The demo site with English translations of the home page and one service."""
    call_command("compilemessages", ignore_patterns=[".venv", "node_modules", "staticfiles"])
    from wagtail.models import Locale

    from cms.models import HomePage, ServicePage

    with django_db_blocker.unblock():
        english = Locale.objects.get(language_code="en")
        for page, title in (
            (HomePage.objects.get(locale__language_code="nl"), "Social map Uithoorn"),
            (ServicePage.objects.get(slug=SERVICE, locale__language_code="nl"), "Budget buddy"),
        ):
            translated = page.get_translation_or_none(english)
            if translated is None:
                translated = page.copy_for_translation(english, copy_parents=True)
                translated.title = title
            translated.save_revision().publish()
    return site


def test_english_pages_pass_axe_wcag22_aa(english_site, page, axe_source, screenshots):
    failures = {}
    for name, path in ENGLISH_PAGES:
        page.goto(path)
        wait_for_maps(page)
        assert page.locator("html").get_attribute("lang") == "en", name
        violations = run_axe(page, axe_source)
        if violations:
            failures[name] = describe(violations)
        page.screenshot(path=screenshots / f"{name}-1280.png", full_page=True)
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


def test_language_switch_keeps_the_page_without_javascript(english_site, browser):
    from tests.browser.support import new_context

    context = new_context(
        browser, english_site, viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(f"/voorzieningen/{SERVICE}/")
        page.get_by_role("link", name="English").click()
        assert page.url.endswith(f"/en/voorzieningen/{SERVICE}/")
        assert page.get_by_role("heading", level=1).inner_text() == "Budget buddy"
        page.get_by_role("link", name="Nederlands").click()
        assert page.url.endswith(f"/voorzieningen/{SERVICE}/") and "/en/" not in page.url
        page.goto("/zoeken/?q=schulden")
        page.get_by_role("link", name="English").click()
        assert page.url.endswith("/en/zoeken/?q=schulden")
        assert page.locator("#inhoud").get_attribute("lang") is None
        page.goto("/en/loketten/")
        assert page.locator("#inhoud").get_attribute("lang") == "nl"
        assert page.get_by_text("This page is not yet available in English").is_visible()
        assert context.cookies() == []
    finally:
        context.close()
