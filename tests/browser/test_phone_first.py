"""A resident on a phone (Chromium at 390×844) finds help in the first screen: the first
result of a search, and on a service page the Bel link and when it opens next. Text fields
do not make the phone zoom in (≥ 16 px), primary actions are at least 44×44 px."""

import re

import pytest

from tests.browser.support import log_in_as_professional, new_context, wait_for_maps

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
OPENING = re.compile(
    r"^(Nu open tot .+|Gesloten · (opent .+ om \d\d:\d\d|geen nieuwe tijden bekend))$"
)


@pytest.fixture
def phone(browser, site):
    context = new_context(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def in_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_first_result_of_a_search_is_in_the_first_screen(phone, screenshots):
    phone.goto("/zoeken/?q=schulden")
    title = phone.locator(".cards .card__title").first
    assert title.inner_text()
    assert in_first_screen(title), title.bounding_box()
    assert in_first_screen(phone.locator("#aantal-resultaten"))
    assert in_first_screen(phone.locator("#zoekvraag"))
    # The filters wait behind one tap: "Filters (n)".
    summary = phone.locator(".filters-disclosure > summary")
    assert re.fullmatch(r"Filters \(\d+\)", summary.inner_text())
    assert phone.locator(".filters").is_hidden()
    summary.click()
    assert phone.locator(".filters").is_visible()
    phone.screenshot(path=screenshots / "zoeken-schulden-telefoon.png")


def test_on_a_service_page_bel_and_the_next_opening_are_in_the_first_screen(phone, screenshots):
    phone.goto("/voorzieningen/sociaal-loket/")
    bel = phone.locator(".service .action-row__link--bel")
    assert bel.get_attribute("href").startswith("tel:")
    assert in_first_screen(bel), bel.bounding_box()
    opening = phone.locator(".service .opening")
    assert OPENING.match(opening.inner_text()), opening.inner_text()
    assert in_first_screen(opening)
    route = phone.locator(".service .action-row__link--route")
    assert route.count() == 1 and in_first_screen(route)
    phone.screenshot(path=screenshots / "voorziening-telefoon.png")


def test_nearest_first_is_one_tap_and_the_default_without_a_question(phone):
    phone.goto("/zoeken/?postcode=1422AA")
    assert (
        phone.get_by_role("link", name="Dichtstbij eerst").get_attribute("aria-current") == "true"
    )
    # Nearest first: services that come to you (at home, by phone) count as at your door,
    # so each card on the first page either comes to you or says how far it is.
    wheres = phone.locator(".card__facts dd").filter(has_text=re.compile(r"thuis|telefonisch|±"))
    assert wheres.count() == phone.locator(".cards > li").count() > 0
    phone.goto("/zoeken/?q=schulden&postcode=1422AA")
    nearest = phone.get_by_role("link", name="Dichtstbij eerst")
    assert nearest.get_attribute("aria-current") is None and in_first_screen(nearest)
    nearest.click()
    phone.wait_for_url(re.compile(r"sorteer=afstand"))
    assert phone.get_by_role("link", name="Dichtstbij eerst").get_attribute("aria-current")


TEXT_FIELDS = """() => [...document.querySelectorAll(
    'input[type=search], input[type=text], input[type=email], input[type=password],'
    + ' input[type=tel], input[type=url], input:not([type]), textarea, select')]
  .filter((el) => el.offsetParent !== null && !el.closest('.honeypot'))  // spam trap
  .map((el) => ({id: el.id || el.name, size: parseFloat(getComputedStyle(el).fontSize)}))"""

PRIMARY_ACTIONS = """() => [...document.querySelectorAll(
    'main button, main .utrecht-button-link, main [type=submit], .site-menu > summary,'
    + ' .filters-disclosure > summary')]
  .filter((el) => el.offsetParent !== null)
  .map((el) => {
    const box = el.getBoundingClientRect();
    return {text: el.innerText.trim().slice(0, 40), width: box.width, height: box.height};
  })"""

PHONE_PAGES = [
    "/",
    "/zoeken/?q=schulden",
    "/zoeken/?q=schulden&postcode=1422AA",
    "/voorzieningen/sociaal-loket/",
    "/loketten/",
    "/kaart/",
    "/wegwijzer/vragen/?thema=geld",
    "/voorzieningen/budgetmaatje/wijziging/",
    "/inloggen/",
]


def test_text_fields_are_16px_and_primary_actions_44px(phone):
    small, tiny = {}, {}
    for path in PHONE_PAGES:
        phone.goto(path)
        wait_for_maps(phone)
        fields = phone.evaluate(TEXT_FIELDS)
        assert fields or path == "/voorzieningen/sociaal-loket/", path
        small.update({f"{path} #{f['id']}": f["size"] for f in fields if f["size"] < 16})
        for action in phone.evaluate(PRIMARY_ACTIONS):
            if action["width"] < 44 or action["height"] < 44:
                tiny[f"{path} {action['text']}"] = (action["width"], action["height"])
    assert not small, small
    assert not tiny, tiny


def test_the_map_page_has_a_list_and_map_switch_on_a_phone(phone):
    phone.goto("/kaart/")
    wait_for_maps(phone)
    lijst = phone.get_by_role("button", name="Lijst", exact=True)
    kaart = phone.get_by_role("button", name="Kaart", exact=True)
    assert lijst.get_attribute("aria-pressed") == "true"
    assert phone.locator(".map-list").is_visible() and phone.locator("#kaart").is_hidden()
    assert phone.locator(".leaflet-container").count() == 0  # no Leaflet for the list
    kaart.click()
    wait_for_maps(phone)
    assert kaart.get_attribute("aria-pressed") == "true"
    assert phone.locator("#kaart").is_visible() and phone.locator(".map-list").is_hidden()
    box = phone.locator("#kaart").bounding_box()
    assert box["height"] > 400 and in_first_screen(phone.locator(".leaflet-control-zoom"))


def test_on_a_desktop_the_map_is_beside_the_form_in_the_first_screen(page):
    page.goto("/kaart/")
    wait_for_maps(page)
    form = page.locator(".map-form").bounding_box()
    box = page.locator("#kaart").bounding_box()
    assert box["x"] > form["x"] + form["width"], (form, box)  # beside it
    assert box["y"] < 400 and box["y"] + box["height"] <= 900, box


def test_the_wegwijzer_is_in_the_first_screen_of_the_home_page(phone):
    phone.goto("/")
    link = phone.get_by_role("link", name=re.compile("Gebruik de wegwijzer"))
    assert in_first_screen(link)
    link.click()
    phone.wait_for_url("**/wegwijzer/")


def test_a_logged_in_professional_sees_it_in_the_header(phone):
    log_in_as_professional(phone)
    phone.goto("/")
    bar = phone.locator(".account-bar")
    assert bar.inner_text().startswith("Ingelogd als")
    assert in_first_screen(bar.get_by_role("link", name="Wie doet wat"))
    bar.get_by_role("button", name="Uitloggen").click()
    phone.wait_for_load_state()
    assert phone.locator(".account-bar").count() == 0


def test_empty_results_give_advice_before_asking_for_feedback(phone):
    phone.goto("/zoeken/?q=xyzzyplof")
    advice = phone.locator("#hulp-bij-zoeken").bounding_box()
    feedback = phone.locator("form.feedback").bounding_box()
    assert advice["y"] < feedback["y"]
