"""The server-rendered results page (/zoeken/), which must work without JavaScript."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def services(module_build):
    build = module_build
    place = build.place(slug="bieb", name="Bibliotheek", lat=52.2400, lon=4.8300)
    build.service(
        "shv", "Hulp bij schulden", themes=[build.theme()], places=[place], phrases=["schulden"]
    )
    for number in range(12):
        build.service(f"cafe-{number}", f"Taalcafe {number}", summary="Nederlands oefenen.")


def page(client, **params):
    response = client.get("/zoeken/", params)
    return response.status_code, response.content.decode()


def test_results_with_form_count_and_facets(client, services):
    status, html = page(client, q="schulden")
    assert status == 200
    assert 'value="schulden"' in html and 'for="zoekvraag">Waar zoekt u hulp bij?</label>' in html
    assert 'role="status"' in html and "1 resultaat voor ‘schulden’" in html
    assert 'href="/voorzieningen/shv/"' in html
    assert 'name="thema" value="geld"' in html and "Geld en schulden (1)" in html
    assert "kaart-bij-resultaten" in html  # the map slot (block results_map)


def test_distance_is_shown_for_a_postcode(client, services):
    status, html = page(client, q="schulden", lat="52.2440", lon="4.8300")
    assert status == 200 and "± 450 meter" in html


def test_unknown_postcode_gives_a_message(client, services):
    status, html = page(client, q="schulden", postcode="9999 ZZ")
    assert status == 200 and "We kennen postcode 9999 ZZ niet" in html


def test_did_you_mean(client, services):
    status, html = page(client, q="schudlen")
    assert "Bedoelde u:" in html and 'href="/zoeken/?q=schulden"' in html


def test_pagination_links_keep_the_question(client, services):
    status, html = page(client, q="taalcafe")
    assert "12 resultaten" in html
    assert 'href="/zoeken/?q=taalcafe&amp;pagina=2"' in html
    status, html = page(client, q="taalcafe", pagina="2")
    assert 'aria-current="page">2<' in html and 'rel="prev"' in html


@pytest.mark.parametrize("q", ["", "qqqqzzzz"])
def test_no_dead_end_help_phones_and_themes(client, services, q):
    status, html = page(client, q=q)
    assert status == 200
    assert "0297 000 001" in html and "0297 000 010" in html  # sociaal loket, welzijn
    assert "Kies een onderwerp" in html and "/thema/geld/" in html


def test_markup_is_never_reflected(client, services):
    status, html = page(client, q="<script>alert(1)</script>")
    assert status == 200 and "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_bad_input_renders_the_page_with_a_message(client, services):
    status, html = page(client, q="x" * 5000)
    assert status == 400 and "Uw zoekvraag is te lang" in html and "0297 000 001" in html


@pytest.mark.parametrize("q", ["schulden", "qqqqzzzz"])
def test_feedback_form_after_results_keeps_the_question(client, services, q):
    status, html = page(client, q=q)
    form = re.search(
        r'<form class="feedback" method="post" action="/feedback/">.*?</form>', html, re.S
    )
    assert form and f'<input type="hidden" name="q" value="{q}">' in form.group(0)
    assert html.index('id="resultaten-titel"') < form.start()


def test_no_feedback_form_without_a_question_and_no_inline_style(client, services):
    status, html = page(client)
    assert status == 200 and 'class="feedback"' not in html
    status, html = page(client, q="schulden")
    assert "<style" not in html and " style=" not in html  # strict Content-Security-Policy


def test_with_a_place_and_no_question_nearest_comes_first(client, services):
    from django.http import QueryDict

    from search.params import parse
    from search.types import Sort

    assert parse(QueryDict("lat=52.244&lon=4.83")).params.sort == Sort.DISTANCE
    assert parse(QueryDict("q=schulden&lat=52.244&lon=4.83")).params.sort == Sort.RELEVANCE
    assert parse(QueryDict("lat=52.244&lon=4.83&sorteer=relevantie")).params.sort == Sort.RELEVANCE
    status, html = page(client, q="schulden", lat="52.2440", lon="4.8300")
    assert "Dichtstbij eerst</a>" in html and "sorteer=afstand" in html
    assert "Filters (0)" in html


def test_cards_have_an_action_row_and_the_opening_state_in_words(client, services, build):
    build.service(
        "loket",
        "Loket schulden",
        phrases=["schulden"],
        phone="0297 123 456",
        website="https://example.org/loket",
        places=[build.place(slug="gh", name="Gemeentehuis", lat=52.2346, lon=4.8270)],
        access="walk_in",
        rules=[{"weekday": d, "start_time": "09:00", "end_time": "12:00"} for d in range(7)],
    )
    status, html = page(client, q="schulden")
    card = html[html.index('href="/voorzieningen/loket/"') :]
    card = card[: card.index("</article>")]
    assert 'href="tel:0297123456"' in card and ">Bel<" in card
    assert ">Route<" in card and "destination=52.234600,4.827000" in card
    assert ">Website<" in card and ">Mail<" not in card
    assert "Nu open tot 12:00" in card or "Gesloten · opent" in card
