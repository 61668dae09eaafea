"""The wegwijzer end to end, with JavaScript switched off: plain links and GET forms only."""

import re
from urllib.parse import unquote

import pytest

from tests.browser.support import new_context

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js_page(browser, site):
    context = new_context(browser, site, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_wegwijzer_from_theme_to_result(no_js_page):
    page = no_js_page
    page.goto("/wegwijzer/")
    assert page.locator(".tile__link").count() == 8
    page.get_by_role("link", name="Geld en schulden").click()
    assert "stap 2 van 3" in page.locator(".steps").inner_text()
    page.get_by_label("Voor mijn kind").check()
    page.get_by_label("Vandaag nog").check()
    page.get_by_label("Uw postcode").fill("1422 AA")
    page.get_by_role("button", name="Toon de hulp die past").click()

    page.wait_for_url(
        re.compile(r"/wegwijzer/uitkomst/\?thema=geld&voor-wie=mijn-kind&haast=vandaag")
    )
    result_url = page.url
    assert page.locator("h1").inner_text() == "Deze hulp past bij uw vraag"
    assert page.locator("#passende-hulp + * .card, #passende-hulp ~ ol .card").count() > 0
    assert page.get_by_role("heading", name="Heeft u vandaag nog hulp nodig?").count() == 1
    loket = page.locator("section[aria-labelledby=binnenlopen] .card")
    assert loket.count() == 1 and "De volgende keer:" in loket.inner_text()
    wijk = page.locator("section[aria-labelledby=uw-wijk]")
    assert wijk.locator("h2").inner_text().startswith("Gezichten in uw wijk: ")
    assert wijk.locator(".person").count() >= 1
    assert "Liever even praten?" in page.locator("#liever-praten").inner_text()
    assert page.locator("#liever-praten ~ p a[href^='tel:']").count() >= 1

    mail_link = page.get_by_role("link", name="Stuur deze lijst per e-mail")
    mail = unquote(mail_link.get_attribute("href"))
    first_title = page.locator("#passende-hulp ~ ol .card__title").first.inner_text()
    assert mail.startswith("mailto:?subject=") and first_title in mail and result_url in mail

    # The result URL can be shared: it shows the same again.
    page.goto(result_url)
    assert page.locator("#passende-hulp ~ ol .card__title").first.inner_text() == first_title


def test_wegwijzer_prints_only_the_content(page):
    page.goto("/wegwijzer/uitkomst/?thema=geld&voor-wie=mijzelf")
    assert page.get_by_role("button", name="Druk deze pagina af").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".main-nav").is_hidden()
    assert page.locator("[data-print]").is_hidden()
    assert page.locator(".print-only").is_visible()


def test_wrong_input_gets_a_kind_message(no_js_page):
    page = no_js_page
    response = page.goto("/wegwijzer/uitkomst/?thema=geld&haast=morgen-misschien&postcode=9999ZZ")
    assert response.status == 200
    alerts = page.locator("[role=alert]").all_inner_texts()
    assert any("overgeslagen" in text for text in alerts)
    assert any("9999 ZZ" in text for text in alerts)
    response = page.goto("/wegwijzer/vragen/?thema=%3Cscript%3E")
    assert response.status == 400
    assert page.locator("h1").inner_text() == "Waar gaat uw vraag over?"
