"""Contract tests: schemathesis (property-based) sends generated requests to a live server
for every operation in /api/openapi.json, and checks each answer against the document: no
server error, a documented status code and content type, a body that matches the schema.
Marked ``contract``: heavy, so it runs once (SQLite), not again on PostgreSQL."""

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from opendata.own_api import openapi_document
from tests.opendata.hsds_validation import bundled_openapi

pytestmark = pytest.mark.contract

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# The same document the server sends (checked below); loaded at collection time so each
# operation is its own test.
SCHEMA = schemathesis.openapi.from_dict(openapi_document())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_own_api_matches_its_openapi_document(operation, live_site):
    @given(case=operation.as_strategy())
    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(base_url=live_site.url, checks=CHECKS)

    check()


# The HSDS API against the official HSDS 3.0 document (corrected, schemas bundled in).
HSDS_SCHEMA = schemathesis.openapi.from_dict(bundled_openapi("/api/hsds"))
HSDS_OPERATIONS = [result.ok() for result in HSDS_SCHEMA.get_all_operations()]


@pytest.mark.parametrize("operation", HSDS_OPERATIONS, ids=lambda op: op.label)
def test_hsds_api_matches_the_hsds_openapi_document(operation, live_site):
    @given(case=operation.as_strategy())
    @settings(
        max_examples=20,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(base_url=f"{live_site.url}/api/hsds", checks=CHECKS)

    check()


def test_the_document_covers_every_public_endpoint_and_real_data(live_site):
    document = requests.get(f"{live_site.url}/api/openapi.json", timeout=10).json()
    assert document["paths"] == openapi_document()["paths"]
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) >= {
        "/api/voorzieningen/",
        "/api/voorzieningen/{slug}/",
        "/api/wijken/",
        "/api/loketten/",
        "/api/zoeken/",
        "/api/suggesties/",
        "/api/kaart.geojson",
        "/api/kaart/wijken.geojson",
        "/agenda/{slug}.ics",
        "/agenda/{slug}/volgende.ics",
    }
    # Generated slugs rarely hit a real service: check the real ones against the document too.
    loaded = schemathesis.openapi.from_dict(document)
    services = requests.get(f"{live_site.url}/api/voorzieningen/", timeout=10).json()["results"]
    loketten = requests.get(f"{live_site.url}/api/loketten/", timeout=10).json()["results"]
    assert services and loketten
    detail = loaded["/api/voorzieningen/{slug}/"]["GET"]
    for service in services:
        case = detail.Case(path_parameters={"slug": service["slug"]})
        response = case.call_and_validate(base_url=live_site.url, checks=CHECKS)
        assert response.status_code == 200
    for operation in ("/agenda/{slug}.ics", "/agenda/{slug}/volgende.ics"):
        case = loaded[operation]["GET"].Case(path_parameters={"slug": loketten[0]["slug"]})
        response = case.call_and_validate(base_url=live_site.url, checks=CHECKS)
        assert response.status_code == 200 and b"BEGIN:VEVENT" in response.content
