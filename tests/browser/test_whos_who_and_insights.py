"""'Wie doet wat' on a phone (390 px): no sideways scrolling, filters at once with JavaScript
and with the plain form without it; Inzicht in the admin; axe finds nothing on either."""

import datetime

import pytest

from tests.browser.support import (
    WHOS_WHO,
    describe,
    log_in_as_professional,
    new_context,
    run_axe,
)
from tests.browser.test_reflow import OVERFLOW

pytestmark = pytest.mark.browser

VISIBLE_ENTRIES = "[data-whos-who-entry]:not([hidden])"
EDITOR_USERNAME = "redactie-browsertest"
EDITOR_PASSWORD = "browsertest-redactie-2026"


def phone(browser, site, **options):
    context = new_context(browser, site, viewport={"width": 390, "height": 844}, **options)
    return context, context.new_page()


def visible_entries(page) -> int:
    return page.locator(VISIBLE_ENTRIES).count()


def test_whos_who_on_a_phone_filters_at_once(browser, site, axe_source, screenshots):
    context, page = phone(browser, site)
    try:
        log_in_as_professional(page)
        page.wait_for_url("**" + WHOS_WHO)
        found = page.evaluate(OVERFLOW)
        assert found["scroll"] <= 0 and not found["wide"], found
        violations = run_axe(page, axe_source)
        assert not violations, describe(violations)
        page.screenshot(path=screenshots / "wie-doet-wat-390.png", full_page=True)

        everything = visible_entries(page)
        assert everything > 10
        assert page.get_by_role("button", name="Toon").is_hidden()  # not needed with JS
        page.evaluate("window.__same_page = true")
        page.get_by_label("Zoek op organisatie").fill("schuld")
        page.wait_for_function(
            f"document.querySelectorAll('{VISIBLE_ENTRIES}').length < {everything}"
        )
        searched = visible_entries(page)
        assert 0 < searched < everything
        for text in page.locator(VISIBLE_ENTRIES).all_inner_texts():
            assert "schuld" in text.lower()
        assert page.evaluate("window.__same_page") is True  # no reload
        assert "q=schuld" in page.url
        page.wait_for_function(
            f"document.querySelector('[data-whos-who-count]').textContent.startsWith('{searched} ')"
        )

        page.get_by_label("Zoek op organisatie").fill("")
        page.get_by_label("Wettelijk kader").select_option(label="Wmo 2015")
        page.wait_for_function(
            f"document.querySelectorAll('{VISIBLE_ENTRIES}').length < {everything}"
        )
        kaders = page.locator(VISIBLE_ENTRIES).evaluate_all(
            "(els) => els.map((e) => e.dataset.kader)"
        )
        assert kaders and set(kaders) == {"wmo2015"}
        # Organisations without a matching service disappear too.
        for group in page.locator("[data-whos-who-group]:not([hidden])").all():
            assert group.locator(VISIBLE_ENTRIES).count() > 0
        assert "formaat=csv" in page.locator("[data-whos-who-csv]").get_attribute("href")
        assert "kader=wmo2015" in page.locator("[data-whos-who-csv]").get_attribute("href")
        found = page.evaluate(OVERFLOW)
        assert found["scroll"] <= 0 and not found["wide"], found

        page.get_by_label("Zoek op organisatie").fill("xyzzyplof")
        page.get_by_text("Er zijn geen voorzieningen die hierbij passen").wait_for()
        page.get_by_role("link", name="Wis de filters").click()
        page.wait_for_function(
            f"document.querySelectorAll('{VISIBLE_ENTRIES}').length === {everything}"
        )
        assert page.evaluate("window.__same_page") is True
        violations = run_axe(page, axe_source)
        assert not violations, describe(violations)

        page.set_viewport_size({"width": 320, "height": 800})
        found = page.evaluate(OVERFLOW)
        assert found["scroll"] <= 0 and not found["wide"], found
    finally:
        context.close()


def test_whos_who_filters_without_javascript(browser, site, axe_source):
    context, page = phone(browser, site, java_script_enabled=False)
    try:
        log_in_as_professional(page)
        page.wait_for_url("**" + WHOS_WHO)
        everything = visible_entries(page)
        page.get_by_label("Wettelijk kader").select_option(label="Wmo 2015")
        page.get_by_role("button", name="Toon").click()
        page.wait_for_url("**kader=wmo2015**")
        kaders = page.locator(VISIBLE_ENTRIES).evaluate_all(
            "(els) => els.map((e) => e.dataset.kader)"
        )
        assert kaders and len(kaders) < everything and set(kaders) == {"wmo2015"}
        assert page.get_by_label("Wettelijk kader").input_value() == "wmo2015"
        found = page.evaluate(OVERFLOW)
        assert found["scroll"] <= 0 and not found["wide"], found
        page.get_by_label("Zoek op organisatie").fill("xyzzyplof")
        page.get_by_role("button", name="Toon").click()
        page.get_by_text("Er zijn geen voorzieningen die hierbij passen").wait_for()
        assert visible_entries(page) == 0
    finally:
        context.close()


@pytest.fixture
def editor_with_signals(site, django_db_blocker):
    """A Redactie account and some logged signals, so every chart of Inzicht has bars."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from cms.access import REDACTIE_GROUP
    from search.models import SearchDemand
    from wegwijzer.models import ChoiceCount

    day = timezone.localdate() - datetime.timedelta(days=2)
    with django_db_blocker.unblock():
        user, _ = get_user_model().objects.get_or_create(username=EDITOR_USERNAME)
        user.set_password(EDITOR_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=REDACTIE_GROUP))
        SearchDemand.objects.create(day=day, theme="geld", wijk="thamerdal", searches=12)
        SearchDemand.objects.create(day=day, theme="", wijk="", searches=3, without_results=3)
        ChoiceCount.objects.create(day=day, theme="geld", wijk="", count=7)
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            SearchDemand.objects.filter(day=day).delete()
            ChoiceCount.objects.filter(day=day).delete()
            user.delete()


def test_insights_pass_axe(browser, site, axe_source, screenshots, editor_with_signals):
    context = new_context(browser, site, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto("/beheer/login/")
        page.fill("#id_username", EDITOR_USERNAME)
        page.fill("#id_password", EDITOR_PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url("**/beheer/")
        page.goto("/beheer/inzicht/")
        page.get_by_role("heading", name="Waar zoeken inwoners naar, per thema").wait_for()
        assert page.locator("svg[role=img]").count() >= 6
        assert page.get_by_role("img", name="Waar zoeken inwoners naar, per thema").count() == 1
        violations = run_axe(page, axe_source)
        assert not violations, describe(violations)
        page.screenshot(path=screenshots / "inzicht-1280.png", full_page=True)
        page.get_by_label("Van", exact=True).fill("01-01-2026")
        page.locator("form.inzicht-periode").get_by_role("button", name="Toon", exact=True).click()
        page.wait_for_url("**van=01-01-2026**")
        page.get_by_text("Periode: 1 jan 2026").wait_for()
        violations = run_axe(page, axe_source)
        assert not violations, describe(violations)
    finally:
        context.close()


def test_whos_who_prints_as_a_contact_list(browser, site):
    context, page = phone(browser, site)
    try:
        log_in_as_professional(page)
        page.wait_for_url("**" + WHOS_WHO + "**")
        page.goto(WHOS_WHO + "?thema=geld")
        page.emulate_media(media="print")
        assert page.locator("form[data-whos-who]").is_hidden()
        assert page.locator("[data-whos-who-csv]").is_hidden()
        assert page.locator(".site-footer").is_hidden()
        shown = page.locator(VISIBLE_ENTRIES)
        assert shown.count() > 0 and shown.first.is_visible()
        assert page.locator(VISIBLE_ENTRIES).evaluate_all(
            "(els) => els.every((e) => getComputedStyle(e).breakInside === 'avoid')"
        )
        themes = page.locator(VISIBLE_ENTRIES).evaluate_all(
            "(els) => els.map((e) => e.dataset.thema)"
        )
        assert all("geld" in value.split() for value in themes)
    finally:
        context.close()
