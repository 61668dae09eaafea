"""The official HSDS 3.0 examples pass the local schemas (positive controls), mutated copies
fail (negative controls), and the spec's known defects are corrected in what we serve."""

import copy
import json
from pathlib import Path

import pytest

from opendata import hsds_spec
from tests.opendata.hsds_validation import errors, response_validator, schema_validator

EXAMPLES = Path(__file__).with_name("hsds_examples")


def example(name: str):
    return json.loads((EXAMPLES / name).read_text())


POSITIVE = [
    ("service_full.json", "compiled/service.json"),
    ("organization_full.json", "compiled/organization.json"),
    ("service_at_location_full.json", "service_at_location.json"),
    ("location.json", "location.json"),
    ("taxonomy.json", "taxonomy.json"),
    ("taxonomy_term.json", "taxonomy_term.json"),
]


@pytest.mark.parametrize(("file", "schema"), POSITIVE)
def test_official_examples_pass(file, schema):
    assert errors(schema_validator(schema), example(file)) == []


@pytest.mark.parametrize(
    ("file", "path"),
    [
        ("service_list.json", "/services"),
        ("organization_list.json", "/organizations"),
        ("service_at_location_list.json", "/service_at_locations"),
        ("taxonomy_list.json", "/taxonomies"),
        ("taxonomy_term_list.json", "/taxonomy_terms"),
        ("base.json", "/"),
    ],
)
def test_official_list_examples_pass_the_paged_responses(file, path):
    assert errors(response_validator(path), example(file)) == []


def _mutations():
    def drop(key):
        return lambda d: d.pop(key)

    def put(path, value):
        def mutate(d):
            target = d
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value

        return mutate

    return [
        ("service_full.json", "compiled/service.json", drop("name"), "'name' is a required"),
        ("service_full.json", "compiled/service.json", put(["id"], "not-a-uuid"), "uuid"),
        ("service_full.json", "compiled/service.json", put(["status"], "open"), "is not one of"),
        (
            "service_full.json",
            "compiled/service.json",
            put(["schedules", 0, "freq"], "DAILY"),
            "is not one of",
        ),
        (
            "service_full.json",
            "compiled/service.json",
            put(["last_modified"], "gisteren"),
            "date-time",
        ),
        (
            "service_full.json",
            "compiled/service.json",
            put(["service_at_locations", 0, "location", "addresses", 0, "country"], 31),
            "is not of type 'string'",
        ),
        ("organization_full.json", "compiled/organization.json", drop("description"), "required"),
        ("taxonomy_term.json", "taxonomy_term.json", put(["parent_id"], "x"), "uuid"),
        ("location.json", "location.json", put(["location_type"], "house"), "is not one of"),
    ]


@pytest.mark.parametrize(("file", "schema", "mutate", "expected"), _mutations())
def test_mutated_examples_fail(file, schema, mutate, expected):
    broken = copy.deepcopy(example(file))
    mutate(broken)
    found = errors(schema_validator(schema), broken)
    assert any(expected in message for message in found), found


def test_a_mutated_page_fails():
    page = example("service_list.json")
    page["total_items"] = "many"
    page["contents"][0]["id"] = 12
    found = errors(response_validator("/services"), page)
    assert len(found) == 2, found


def test_known_defects_are_corrected_in_the_served_document():
    official = json.loads((hsds_spec.SCHEMA_DIR / "openapi.json").read_text())
    served = hsds_spec.corrected_openapi("https://example.org/api/hsds")

    def response_ref(document, path):
        content = document["paths"][path]["get"]["responses"]["200"]["content"]
        return content["application/json"]["schema"]["$ref"]

    assert response_ref(official, "/service_at_locations/{id}").endswith("compiled/service.json")
    assert response_ref(served, "/service_at_locations/{id}").endswith("/service_at_location.json")
    assert official["paths"]["/taxonomy_terms"]["get"]["operationId"] == "getTaxonomyTermById"
    assert served["paths"]["/taxonomy_terms"]["get"]["operationId"] == (
        "getPaginatedListOfTaxonomyTerms"
    )
    assert served["paths"]["/taxonomy_terms/{id}"]["get"]["operationId"] == "getTaxonomyTermById"
    modified = served["components"]["parameters"]["modified_after"]["schema"]
    assert modified["format"] == "date-time"
    assert served["servers"] == [{"url": "https://example.org/api/hsds"}]
    # Every schema the document refers to is here, so validation never goes online.
    refs = set()

    def collect(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref" and value.startswith("http"):
                    refs.add(value)
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(served)
    assert refs and all(hsds_spec.local_schema_path(ref).is_file() for ref in refs)
