"""The HSDS read API on the demo catalogue: every endpoint's responses pass the official
schemas (offline), with HSDS paging, stable ids and nothing that is not public."""

import datetime
import json
import uuid

import pytest

from opendata import ids
from tests.opendata.hsds_validation import errors, response_validator

pytestmark = pytest.mark.django_db

PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def get(client, url, path_template=None, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    body = response.json()
    if status == 200:
        template = path_template or url.split("?")[0].removeprefix("/api/hsds")
        assert errors(response_validator(template or "/"), body) == []
    return body


def all_pages(client, url, template):
    first = get(client, url, template)
    assert set(first) == PAGE_KEYS
    return first


@pytest.fixture
def services(client, demo):
    return get(client, "/api/hsds/services?per_page=200")["contents"]


def test_root_points_at_the_openapi_document(client, demo):
    body = get(client, "/api/hsds/", "/")
    assert body["version"] == "3.0"
    assert body["openapi_url"] == "http://testserver/api/hsds/openapi.json"
    document = client.get("/api/hsds/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver/api/hsds"}]


def test_every_service_list_and_detail_passes_the_official_schema(client, demo, services):
    from cms.models import ServicePage

    live = ServicePage.objects.live().public().count()
    assert len(services) == live > 20
    for item in services:
        assert uuid.UUID(item["id"])
        assert item["url"].startswith("http://testserver/")
        detail = get(client, f"/api/hsds/services/{item['id']}", "/services/{id}")
        assert detail["id"] == item["id"]
        assert detail["service_areas"], detail["name"]
        assert detail["cost_options"], detail["name"]
        assert {a["taxonomy_term"]["taxonomy"] for a in detail["attributes"]} <= {
            "Thema's (leefgebieden)",
            "Doelgroepen",
        }
        for sal in detail["service_at_locations"]:
            address = sal["location"]["addresses"][0]
            assert (address["state_province"], address["country"]) == ("Noord-Holland", "NL")


def test_ids_are_wagtail_translation_keys_and_stable(client, demo, services):
    from cms.models import ServicePage

    service = ServicePage.objects.live().order_by("title").first()
    assert services[0]["id"] == str(service.translation_key)
    service.title = service.title + " (nieuw)"
    service.save_revision().publish()
    again = get(client, f"/api/hsds/services/{service.translation_key}", "/services/{id}")
    assert again["name"].endswith("(nieuw)")
    assert get(client, "/api/hsds/services?per_page=200")["contents"][0]["id"] == services[0]["id"]


def test_paging(client, demo, services):
    page = get(client, "/api/hsds/services?per_page=5&page=2", "/services")
    assert set(page) == PAGE_KEYS
    assert page["page_number"] == 2 and page["size"] == 5
    assert page["total_items"] == len(services)
    assert page["total_pages"] == -(-len(services) // 5)
    assert not page["first_page"] and not page["last_page"] and not page["empty"]
    assert [s["id"] for s in page["contents"]] == [s["id"] for s in services[5:10]]
    beyond = get(client, "/api/hsds/services?page=99", "/services")
    assert beyond["empty"] and beyond["contents"] == [] and beyond["last_page"]


@pytest.mark.parametrize(
    "query",
    ["page=0", "page=abc", "per_page=0", "per_page=1000", "taxonomy_term_id=geld",
     "organization_id=1", "modified_after=gisteren", "postcode=9999ZZ", "proximity=500",
     "postcode=1422AA&proximity=-5"],
)  # fmt: skip
def test_bad_parameters_get_a_dutch_message(client, demo, query):
    response = client.get(f"/api/hsds/services?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "bad_request" and body["message"]


def test_unknown_ids_are_404_json(client, demo):
    for path in ("services", "organizations", "service_at_locations", "taxonomies",
                 "taxonomy_terms"):  # fmt: skip
        for value in (str(uuid.uuid4()), "geen-id"):
            response = client.get(f"/api/hsds/{path}/{value}")
            assert response.status_code == 404
            assert response.json()["error"] == "not_found"


def test_search_uses_our_dutch_search(client, demo):
    body = get(client, "/api/hsds/services?search=ik+kan+de+huur+niet+betalen", "/services")
    assert 0 < body["total_items"] < 10
    names = " ".join(s["name"].lower() for s in body["contents"][:3])
    assert "schuld" in names or "geld" in names or "huur" in names, names


def test_taxonomies_terms_and_filters(client, demo, services):
    taxonomies = get(client, "/api/hsds/taxonomies", "/taxonomies")["contents"]
    assert {t["id"] for t in taxonomies} == {ids.THEMES_TAXONOMY, ids.TARGET_GROUPS_TAXONOMY}
    for taxonomy in taxonomies:
        get(client, f"/api/hsds/taxonomies/{taxonomy['id']}", "/taxonomies/{id}")
    terms = get(client, "/api/hsds/taxonomy_terms?per_page=200", "/taxonomy_terms")["contents"]
    themes = get(
        client, f"/api/hsds/taxonomy_terms?taxonomy_id={ids.THEMES_TAXONOMY}", "/taxonomy_terms"
    )["contents"]
    assert 0 < len(themes) < len(terms)
    money = next(t for t in themes if t["code"] == "geld")
    get(client, f"/api/hsds/taxonomy_terms/{money['id']}", "/taxonomy_terms/{id}")
    filtered = get(client, f"/api/hsds/services?taxonomy_term_id={money['id']}", "/services")
    assert 0 < filtered["total_items"] < len(services)
    for item in filtered["contents"]:
        detail = client.get(f"/api/hsds/services/{item['id']}").json()
        assert money["id"] in {a["taxonomy_term_id"] for a in detail["attributes"]}
    assert get(client, f"/api/hsds/taxonomy_terms?parent_id={money['id']}")["empty"]


def test_organizations_and_organization_filter(client, demo, services):
    organisations = get(client, "/api/hsds/organizations?per_page=200")["contents"]
    assert organisations
    for organisation in organisations:
        detail = get(client, f"/api/hsds/organizations/{organisation['id']}", "/organizations/{id}")
        own = get(client, f"/api/hsds/services?organization_id={organisation['id']}", "/services")
        assert {s["id"] for s in detail["services"]} == {s["id"] for s in own["contents"]}
        assert all(s["organization_id"] == organisation["id"] for s in own["contents"])
    full = get(client, "/api/hsds/organizations?full_service=true&per_page=1", "/organizations")
    assert "schedules" in full["contents"][0]["services"][0]


def test_service_at_locations(client, demo):
    page = get(client, "/api/hsds/service_at_locations?per_page=200")
    assert page["total_items"] > 10
    for item in page["contents"][:10]:
        detail = get(
            client,
            f"/api/hsds/service_at_locations/{item['id']}",
            "/service_at_locations/{id}",
        )
        assert detail["location"]["id"] == item["location_id"]
        assert detail["service"]["id"] == item["service_id"]


def test_postcode_and_proximity(client, demo, services):
    near = get(client, "/api/hsds/services?postcode=1422AA&proximity=300", "/services")
    wider = get(client, "/api/hsds/services?postcode=1422AA&proximity=5000", "/services")
    covering = get(client, "/api/hsds/services?postcode=1422AA&per_page=200", "/services")
    assert 0 < near["total_items"] < wider["total_items"] <= covering["total_items"]
    assert covering["total_items"] <= len(services)
    sal = get(client, "/api/hsds/service_at_locations?postcode=1422AA&proximity=300")
    assert sal["total_items"] >= near["total_items"]


def test_modified_after(client, demo, services):
    from cms.models import ServicePage

    assert get(client, "/api/hsds/services?modified_after=2000-01-01")["total_items"] == len(
        services
    )
    assert get(client, "/api/hsds/services?modified_after=2999-01-01T00:00:00Z")["empty"]
    service = ServicePage.objects.live().order_by("title").first()
    # "on or after": just after the latest publication so far, then publish one more.
    latest = max(s.last_published_at for s in ServicePage.objects.live())
    latest += datetime.timedelta(milliseconds=1)
    service.save_revision().publish()
    after = get(
        client, f"/api/hsds/services?modified_after={latest.isoformat()}".replace("+", "%2B")
    )
    assert [s["id"] for s in after["contents"]] == [str(service.translation_key)]


def test_nothing_professional_only_and_no_people(client, demo):
    from cms.models import ServicePage

    secrets = set()
    for service in ServicePage.objects.live():
        for name in service.PROFESSIONAL_FIELDS:
            value = getattr(service, name)
            if value and len(str(value)) > 8:
                secrets.add(str(value))
    assert secrets, "the demo catalogue should have professional-only content to leak"
    text = json.dumps(get(client, "/api/hsds/services?full=true&per_page=200"))
    text += json.dumps(get(client, "/api/hsds/organizations?full_service=1&per_page=200"))
    text += json.dumps(get(client, "/api/hsds/service_at_locations?full=1&per_page=200"))
    for secret in secrets:
        assert secret not in text
    assert "sleutelpersoon" not in text.lower()
    assert "/media/images/" not in text or "logo" in text


def test_schedules_are_rows_with_local_times_and_a_link_to_the_feed(client, demo, services):
    rows = []
    for item in services:
        rows += client.get(f"/api/hsds/services/{item['id']}").json()["schedules"]
    assert rows
    for row in rows:
        assert row["freq"] in ("WEEKLY", "MONTHLY")
        assert row["schedule_link"].startswith("http://testserver/agenda/")
        assert "Europe/Amsterdam" in row["notes"]
        assert len(row["opens_at"]) == 8 and row["opens_at"] < row["closes_at"]


def test_the_licence_is_named_in_settings_documents_and_headers(client, demo, settings):
    response = client.get("/api/hsds/")
    assert response.json()["license"]["identifier"] == "CC0-1.0"
    assert response["Link"] == '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'
    settings.OPEN_DATA_LICENCE = "CC-BY-4.0"
    for url in ("/api/openapi.json", "/api/hsds/openapi.json"):
        assert client.get(url).json()["info"]["license"] == {
            "name": "Creative Commons Attribution 4.0",
            "identifier": "CC-BY-4.0",
        }
    assert "licenses/by/4.0" in client.get("/api/voorzieningen/")["Link"]
