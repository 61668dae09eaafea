"""Odd request parameters get a 400 in plain Dutch (JSON on the API), never a 500.

The cases come from a red-team pass: a Unicode digit that ``isdigit()`` accepts and ``int()``
rejects, huge numbers, NUL bytes (which PostgreSQL refuses in a query) and impossible weeks.
"""

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/zoeken/", "/kaart/"]
APIS = ["/api/zoeken/", "/api/kaart.geojson"]
ODD_PAGES = ["²", "٣", "１", "99999999999999999999999", "1e3", "-1", "0x10"]


@pytest.fixture
def service(build):
    return build.service("shv", "Hulp bij schulden")


@pytest.mark.parametrize("page", ODD_PAGES)
@pytest.mark.parametrize("path", PAGES + APIS)
def test_odd_page_numbers_get_a_400(client, service, path, page):
    response = client.get(path, {"q": "schulden", "pagina": page})
    assert response.status_code == 400
    if path in APIS:
        body = response.json()
        assert body["field"] == "pagina" and "paginanummer" in body["message"]
    else:
        assert "Het paginanummer moet een getal zijn" in response.content.decode()


@pytest.mark.parametrize(
    ("lat", "lon"), [("٥٢.٢٣", "4.82"), ("52.23", "1e400"), ("52." + "1" * 400, "4.82")]
)
def test_odd_coordinates_get_a_400(client, service, lat, lon):
    response = client.get("/api/zoeken/", {"q": "schulden", "lat": lat, "lon": lon})
    assert response.status_code == 400 and response.json()["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/voorzieningen/a%00/",
        "/api/zoeken/?q=schuld%00huur",
        "/api/kaart.geojson?thema=geld%00",
        "/api/suggesties/?q=sch%00",
    ],
)
def test_nul_bytes_on_the_api_get_a_json_400(client, service, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "stuurteken" in response.json()["message"]


@pytest.mark.parametrize(
    "path", ["/zoeken/?q=schuld%00", "/kaart/?q=%01", "/voorzieningen/%00/", "/?x%00=1"]
)
def test_nul_bytes_on_pages_get_a_dutch_400_page(client, service, path):
    response = client.get(path)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze vraag begrijpen wij niet" in html and "stuurteken" in html


@pytest.mark.parametrize("week", ["9999-W52", "2026-W99", "²⁰²⁶-W01", "onzin"])
def test_impossible_weeks_in_the_feedback_report_get_a_400(client, django_user_model, week):
    client.force_login(django_user_model.objects.create_superuser("chef", "c@example.org", "x"))
    response = client.get("/beheer/redactie/feedback/", {"week": week})
    assert response.status_code == 400
    assert "Kies een week zoals 2026-W47" in response.content.decode()


def test_an_unknown_slug_is_still_a_404(client, service):
    response = client.get("/api/voorzieningen/bestaat-niet/")
    assert response.status_code == 404 and response.json()["error"] == "not_found"
