"""The SQL per page does not grow with the catalogue: the home page, /voorzieningen/,
/loketten/, the search and map pages and the list APIs (our own and HSDS) run as many queries
with 500 services as with 20. Runs once (marker ``once``), not again on PostgreSQL."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import LoketOverviewPage

# First pages: full (or as full as 20 services make them) in both cases.
PATHS = [
    "/",
    "/voorzieningen/",
    "/voorzieningen/thema/geld/",
    "/loketten/",
    "/zoeken/?q=schulden",
    "/kaart/?q=schulden",
    "/api/voorzieningen/",
    "/api/loketten/",
    "/api/wijken/",
    "/api/zoeken/?q=schulden",
    "/api/kaart.geojson?q=schulden",
    "/api/hsds/services",
    "/api/hsds/organizations",
    "/api/hsds/service_at_locations",
]


@pytest.fixture
def grow(build, home):
    if not LoketOverviewPage.objects.exists():
        home.add_child(instance=LoketOverviewPage(title="Loketten en spreekuren", slug="loketten"))
    theme = build.theme("geld", "Geld en schulden")
    group = build.target_group("ouderen", "Ouderen")
    wijk = build.wijk("centrum", "Centrum")
    place = build.place(slug="gemeentehuis")
    today = timezone.localdate().weekday()
    created = []

    def to(total):
        while len(created) < total:
            number = len(created)
            service = build.service(
                f"dienst-{number:04d}",
                f"Dienst {number:04d}",
                themes=[theme],
                places=[place],
                wijken=[wijk],
                access="walk_in",
                phrases=["ik heb schulden"],
                rules=[
                    {
                        "weekday": today,
                        "start_time": datetime.time(0, 0),
                        "end_time": datetime.time(23, 59),
                    }
                ],
            )
            service.target_groups.add(group)
            created.append(service)

    return to


def query_counts(client) -> dict[str, int]:
    counts = {}
    for path in PATHS:
        client.get(path)  # warm per-process caches (site root paths, settings)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries)
    return counts


@pytest.mark.once
def test_queries_per_page_are_the_same_with_20_and_with_500_services(client, grow):
    grow(20)
    small = query_counts(client)
    grow(500)
    large = query_counts(client)
    assert large == small
    api = client.get("/api/voorzieningen/").json()
    assert api["count"] == 500 and len(api["results"]) == 100 and api["pages"] == 5
    assert len(client.get("/api/loketten/?pagina=5").json()["results"]) == 100
    html = client.get("/voorzieningen/?pagina=10").content.decode()
    assert "Pagina 10 van 10" in html and "Dienst 0499" in html and 'rel="next"' not in html


@pytest.mark.parametrize("path", ["/voorzieningen/", "/api/voorzieningen/", "/api/loketten/"])
def test_odd_page_numbers_on_list_pages_get_a_400(client, home, path):
    response = client.get(path, {"pagina": "²"})
    assert response.status_code == 400
    assert "paginanummer" in response.content.decode()
