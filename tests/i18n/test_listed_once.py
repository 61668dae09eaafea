"""With the English demo translations loaded, every list, API, export and feed still names
each service once, with the same counts as without translations; the English site links to
the English pages and shows their English titles."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from cms.demo import load_catalogue
from cms.demo_english import load_english
from cms.models.pages import loketten_today
from editorial import freshness, schedule_overview, whos_who
from editorial.service_csv import exportable_services
from search.results import labels

SERVICE_LINK = re.compile(r'href="(/(?:en/)?voorzieningen/[a-z0-9-]+/)"')
PAGES = ("/voorzieningen/", "/loketten/", "/wijken/thamerdal/", "/aanbieders/uithoorn-voor-elkaar/")


def service_links(client, url):
    return Counter(SERVICE_LINK.findall(client.get(url).content.decode()))


def api(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.json()


def observe(client, admin) -> dict:
    """What residents, professionals and editors are shown: counts and service names."""
    seen = {}
    for url in PAGES:
        for prefix in ("", "/en"):
            links = service_links(client, prefix + url)
            assert max(links.values()) == 1 or url == "/loketten/", (prefix + url, links)
            seen[prefix + url] = len(links)
    for lang in ("nl", "en"):
        services = api(client, f"/api/voorzieningen/?lang={lang}")
        seen[f"api services {lang}"] = services["count"]
        slugs = [s["slug"] for s in services["results"]]
        assert len(slugs) == len(set(slugs))
        seen[f"api loketten {lang}"] = api(client, f"/api/loketten/?lang={lang}")["count"]
        seen[f"api wijken {lang}"] = len(api(client, f"/api/wijken/?lang={lang}")["results"])
        wijken = api(client, f"/api/kaart/wijken.geojson?lang={lang}")["features"]
        seen[f"map wijken {lang}"] = sorted(f["id"] for f in wijken)
        seen[f"map points {lang}"] = api(client, f"/api/kaart.geojson?lang={lang}")["count"]
    seen["hsds services"] = api(client, "/api/hsds/services")["total_items"]
    seen["hsds organisations"] = api(client, "/api/hsds/organizations")["total_items"]
    client.force_login(admin)
    exported = client.get("/beheer/redactie/export/").content.decode("utf-8-sig")
    client.logout()
    rows = list(csv.reader(io.StringIO(exported), delimiter=";"))[1:]
    seen["csv export"] = sorted(row[0] for row in rows)
    seen["csv functions"] = exportable_services().count()
    seen["whos who"] = whos_who.services().count()
    seen["due for review"] = freshness.live_services().count()
    seen["opening hours overview"] = schedule_overview.services_with_hours().count()
    seen["wijk labels"] = sorted(labels()["wijk"])
    now = timezone.now()
    for lang in ("nl", "en"):
        with translation.override(lang):
            seen[f"home loketten {lang}"] = len(loketten_today(now))
    seen["ical"] = client.get("/agenda/sociaal-loket.ics").status_code
    locations = [
        loc.text
        for loc in ET.fromstring(client.get("/sitemap.xml").content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    ]
    assert len(locations) == len(set(locations))
    seen["sitemap dutch"] = sorted(u for u in locations if "/en/" not in u)
    return seen


@pytest.fixture
def demo(db):
    # Not the session-wide ``demo_db``: that would stay in the database for later tests.
    load_catalogue()


def test_translations_list_no_service_twice_and_change_no_count(demo, client):
    admin = get_user_model().objects.create_superuser("lijst", "l@example.org", "geheim-123")
    before = observe(client, admin)
    assert before["api services nl"] == 35 and before["csv functions"] == 35

    load_english()
    assert observe(client, admin) == before


def test_english_lists_link_to_the_english_pages(demo, client):
    load_english()
    links = service_links(client, "/en/voorzieningen/")
    assert len(links) == 35 and all(link.startswith("/en/") for link in links)
    page = client.get("/en/voorzieningen/").content.decode()
    assert "Social help desk (sociaal loket) in the town hall" in page
    assert "Sociaal loket in het gemeentehuis" not in page

    english = api(client, "/api/voorzieningen/sociaal-loket/?lang=en")
    assert english["title"] == "Social help desk (sociaal loket) in the town hall"
    assert api(client, "/api/voorzieningen/sociaal-loket/")["title"].startswith("Sociaal loket")

    wijk = client.get("/en/wijken/").content.decode()
    assert "Village centre (Dorpscentrum)" in wijk and 'href="/en/wijken/dorpscentrum/"' in wijk

    locations = client.get("/sitemap.xml").content.decode()
    assert "/en/voorzieningen/sociaal-loket/</loc>" in locations
