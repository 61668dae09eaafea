import re

import pytest

from search import query as search_query

pytestmark = pytest.mark.django_db


def geojson_slugs(body):
    return list(dict.fromkeys(f["properties"]["slug"] for f in body["features"]))


def test_map_page_lists_every_result_beside_the_map(client, mapped):
    response = client.get("/kaart/", {"thema": "geld"})
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("Schuldhulp", "Financieel café", "Budgetmaatje"):
        assert title in html
    assert "Woonhulp" not in html
    assert 'id="kaart-plekken"' in html and 'id="kaart-wijken"' in html
    assert 'aria-describedby="kaart-beschrijving"' in html
    assert "Op de kaart staan 3 plekken" in html
    assert "1 resultaat heeft geen vaste plek" in html
    # The shared state: the same query on the search page.
    assert 'href="/zoeken/?thema=geld"' in html


def test_geojson_follows_the_search_api_exactly(client, mapped):
    for params in ({"q": "schulden"}, {"thema": "geld"}, {"thema": "geld", "postcode": "1422AA"}):
        search = client.get("/api/zoeken/", params).json()
        body = client.get("/api/kaart.geojson", params).json()
        with_place = {"schuldhulp", "financieel-cafe", "woonhulp"}
        expected = [r["slug"] for r in search["results"] if r["slug"] in with_place]
        assert geojson_slugs(body) == expected, params
        assert body["count"] == search["count"]


def test_map_uses_the_one_search_function_with_the_same_parameters(client, mapped, monkeypatch):
    calls = []
    real_run = search_query.run

    def spy(params, **kwargs):
        calls.append(params)
        return real_run(params, **kwargs)

    monkeypatch.setattr(search_query, "run", spy)
    query = {
        "q": "schulden",
        "thema": "geld",
        "doelgroep": "ouderen",
        "wijk": "centrum",
        "kosten": "free",
        "open_nu": "1",
        "postcode": "1422 AA",
    }
    client.get("/kaart/", query)
    client.get("/api/kaart.geojson", query)
    client.get("/api/kaart.geojson", {"lat": "52.2346", "lon": "4.827"})
    assert len(calls) == 3
    first = calls[0]
    assert (first.q, first.themes, first.target_groups, first.wijken, first.costs) == (
        "schulden",
        ("geld",),
        ("ouderen",),
        ("centrum",),
        ("free",),
    )
    assert first.open_now and first.origin is not None
    assert calls[1] == calls[0]
    assert (calls[2].origin.lat, calls[2].origin.lon) == (52.2346, 4.827)


def test_bad_parameters_get_a_kind_answer(client, mapped):
    response = client.get("/kaart/", {"lat": "10", "lon": "10"})
    assert response.status_code == 400
    assert "niet in Nederland" in response.content.decode()
    response = client.get("/api/kaart.geojson", {"kosten": "duur"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_parameter"
    response = client.get("/kaart/", {"postcode": "9999 ZZ"})
    assert response.status_code == 200
    assert "We kennen postcode 9999 ZZ niet" in response.content.decode()


def test_geojson_escapes_markup(client, mapped):
    response = client.get("/api/kaart.geojson", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    assert b"<script>" not in response.content


def test_wijken_geojson(client, mapped):
    body = client.get("/api/kaart/wijken.geojson").json()
    assert [f["properties"]["name"] for f in body["features"]] == ["Centrum"]


# Data blocks (JSON for scripts, JSON-LD for search engines) are never run, so CSP allows them.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"", re.IGNORECASE)


@pytest.mark.parametrize(
    "path",
    ["/", "/kaart/?thema=geld", "/wijken/centrum/", "/wegwijzer/", "/voorzieningen/schuldhulp/"],
)
def test_pages_keep_a_strict_csp_possible(client, mapped, path):
    html = client.get(path).content.decode()
    assert not INLINE_SCRIPT.search(html), path
    assert not INLINE_HANDLER.search(html), path
    assert not INLINE_STYLE.search(html), path


def test_wijk_page_has_a_map_with_its_boundary(client, mapped):
    html = client.get("/wijken/centrum/").content.decode()
    assert 'id="wijk-grens"' in html
    assert 'data-geojson-url="/api/kaart.geojson?wijk=centrum"' in html


def test_search_results_offer_the_same_results_on_the_map(client, mapped):
    html = client.get("/zoeken/", {"q": "schulden", "pagina": "1"}).content.decode()
    assert 'href="/kaart/?q=schulden"' in html
    assert 'data-geojson-url="/api/kaart.geojson?q=schulden"' in html


def test_the_map_says_how_many_it_shows_and_pages_on(client, mapped, monkeypatch):
    from kaart import views

    monkeypatch.setattr(views, "MAP_LIMIT", 2)
    first = client.get("/api/kaart.geojson", {"thema": "geld"}).json()
    assert (first["count"], first["shown"], first["page"], first["pages"]) == (3, 2, 1, 2)
    second = client.get("/api/kaart.geojson", {"thema": "geld", "pagina": "2"}).json()
    assert (second["shown"], second["page"]) == (1, 2)
    assert not set(geojson_slugs(first)) & set(geojson_slugs(second))

    html = client.get("/kaart/", {"thema": "geld"}).content.decode()
    assert "De kaart en de lijst tonen 2 van de 3 resultaten." in html
    assert 'href="/kaart/?thema=geld&amp;pagina=2" rel="next">Meer resultaten op de kaart' in html
    html = client.get("/kaart/", {"thema": "geld", "pagina": "2"}).content.decode()
    assert "Vorige resultaten op de kaart" in html and "Deel 2 van 2" in html


def test_all_results_on_one_map_say_nothing_about_pages(client, mapped):
    body = client.get("/api/kaart.geojson", {"thema": "geld"}).json()
    assert (body["count"], body["shown"], body["pages"]) == (3, 3, 1)
    assert "kaart-paginas" not in client.get("/kaart/", {"thema": "geld"}).content.decode()


@pytest.mark.parametrize("page", ["²", "0", "99999999999999999999", "1\x00", "een"])
def test_a_broken_map_page_number_is_a_dutch_400(client, mapped, page):
    response = client.get("/api/kaart.geojson", {"pagina": page})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] in ("invalid_parameter", "bad_request") and body["message"], body
    assert client.get("/kaart/", {"pagina": page}).status_code == 400
