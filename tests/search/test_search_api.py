"""/api/zoeken/ and /api/suggesties/: the contract, bad input and what must never leak."""

import pytest

from search.models import SearchEntry
from tests.search.helpers import api, slugs

pytestmark = pytest.mark.django_db

SECRETS = ("GEHEIM-VERWIJSROUTE", "GEHEIME-INTAKE", "geheim@example.org", "Geheime Contactpersoon")


@pytest.fixture(scope="module")
def services(module_build):
    build = module_build
    wijk = build.wijk("thamerdal", "Thamerdal")
    place = build.place(slug="de-kuyper", name="De Kuyper", lat=52.2400, lon=4.8300)
    build.service(
        "schuldhulpverlening",
        "Hulp bij schulden",
        themes=[build.theme()],
        places=[place],
        wijken=[wijk],
        phrases=["ik heb schulden"],
        referral_route="GEHEIM-VERWIJSROUTE",
        intake_criteria="GEHEIME-INTAKE",
        legal_framework="wgs",
        contact_person_name="Geheime Contactpersoon",
        contact_person_email="geheim@example.org",
    )
    build.service("taalcafe", "Taalcafe", summary="Nederlands oefenen.")


def test_contract(client, services):
    body = api(client, q="schulden")
    assert set(body) >= {"query", "count", "engine", "results", "facets", "suggestion"}
    assert body["query"] == "schulden" and body["count"] == 1 and body["engine"] == "embedded"
    (item,) = body["results"]
    assert set(item) == {
        "slug",
        "title",
        "summary",
        "url",
        "organisation",
        "themes",
        "distance_m",
        "open_now",
        "next_session",
    }
    assert item["url"] == "/voorzieningen/schuldhulpverlening/"
    assert item["organisation"] == {"slug": "gemeente-uithoorn", "name": "Gemeente Uithoorn"}
    assert item["themes"] == [{"slug": "geld", "name": "Geld en schulden"}]
    assert item["distance_m"] is None and item["open_now"] is False
    assert body["facets"]["thema"] == [
        {"value": "geld", "label": "Geld en schulden", "count": 1, "selected": False}
    ]
    assert body["facets"]["wijk"][0]["value"] == "thamerdal"
    assert body["facets"]["open_nu"] == {"count": 0, "selected": False}
    assert body["suggestion"] is None


def test_filters_postcode_and_sort(client, services):
    body = api(client, q="", thema="geld")
    assert slugs(body) == ["schuldhulpverlening"]
    body = api(client, q="schulden", postcode="1421 ab", sorteer="afstand")
    assert body["results"][0]["distance_m"] > 0
    assert api(client, q="schulden", lat="52.2400", lon="4.8300")["results"][0]["distance_m"] == 0


def test_unknown_postcode_is_a_clear_message_not_an_error(client, services):
    body = api(client, q="schulden", postcode="9999 ZZ")
    assert body["count"] == 1 and body["results"][0]["distance_m"] is None
    assert body["warnings"][0]["field"] == "postcode"
    assert "9999 ZZ" in body["warnings"][0]["message"]
    assert api(client, q="schulden", postcode="hallo")["warnings"][0]["field"] == "postcode"


def test_professional_fields_never_reach_the_index_or_the_api(client, services):
    body = client.get("/api/zoeken/", {"q": "schulden"}).content.decode()
    entry = SearchEntry.objects.get(slug="schuldhulpverlening")
    stored = " ".join(str(value) for value in entry.__dict__.values())
    for secret in SECRETS:
        assert secret not in body
        assert secret.lower() not in stored.lower()
    assert "wgs" not in entry.title_tokens + entry.body_tokens + entry.extra_tokens


@pytest.mark.parametrize(
    "q",
    [
        "",
        " " * 20,
        "a" * 400,
        '"schuld*" OR (huur) AND NOT: ^2 NEAR/3 {x} [y] -z +w ~1',
        "😀🙈 schulden 🏠",
        "<script>alert('x')</script>",
        "'; DROP TABLE search_searchentry; --",
        "title:schuld helps_with_tokens:x",
        "*",
        "\\",
    ],
)
def test_odd_questions_get_a_sensible_answer(client, services, q):
    response = client.get("/api/zoeken/", {"q": q})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>" not in body
    assert response.json()["engine"] == "embedded"


def test_schulden_between_odd_characters_is_still_found(client, services):
    assert slugs(api(client, q="😀🙈 schulden 🏠")) == ["schuldhulpverlening"]
    assert slugs(api(client, q='"schuld*" OR (huur)')) == ["schuldhulpverlening"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 5000}, "q"),
        ({"q": "schuld", "pagina": "nul"}, "pagina"),
        ({"q": "schuld", "pagina": "0"}, "pagina"),
        ({"q": "schuld", "sorteer": "prijs"}, "sorteer"),
        ({"q": "schuld", "lat": "52.2"}, "lat"),
        ({"q": "schuld", "lat": "91", "lon": "4.8"}, "lat"),
        ({"q": "schuld", "thema": "<b>geld</b>"}, "thema"),
        ({"q": "schuld", "kosten": "duur"}, "kosten"),
    ],
)
def test_bad_parameters_get_a_400_with_a_dutch_message(client, services, params, field):
    response = client.get("/api/zoeken/", params)
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == field and body["message"]
    assert "<b>" not in response.content.decode()


def test_markup_in_the_question_is_escaped_in_json(client, services):
    raw = client.get("/api/zoeken/", {"q": "<img src=x onerror=alert(1)>"}).content.decode()
    assert "<img" not in raw and "\\u003cimg" in raw


def test_a_page_past_the_end_is_empty_not_an_error(client, services):
    body = api(client, q="", pagina="5")
    assert body["results"] == [] and body["count"] == 2


def test_suggestions(client, services):
    response = client.get("/api/suggesties/", {"q": "sch"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert 0 < len(suggestions) <= 8
    assert "schulden" in suggestions and "Hulp bij schulden" in suggestions
    assert client.get("/api/suggesties/", {"q": "<"}).json()["suggestions"] == []
    assert client.get("/api/suggesties/", {"q": "x" * 5000}).status_code == 200


def test_only_get(client, services):
    assert client.post("/api/zoeken/", {"q": "x"}).status_code == 405
