"""Validate responses against the official HSDS 3.0 schemas, offline.

The OpenAPI document points at schemas on raw.githubusercontent.com; a ``referencing``
registry maps those URLs to the local copies in ``opendata/hsds/schema/``. Nothing is
downloaded: an unknown URL is an error."""

from __future__ import annotations

import json
from functools import cache

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from opendata import hsds_spec

OPENAPI_URI = "urn:sociale-kaart:hsds-openapi"


def _retrieve(uri: str) -> Resource:
    try:
        path = hsds_spec.local_schema_path(uri)
    except LookupError:
        raise NoSuchResource(ref=uri) from None
    return Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012)


@cache
def registry() -> Registry:
    document = hsds_spec.corrected_openapi("http://testserver/api/hsds")
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    return Registry(retrieve=_retrieve).with_resource(OPENAPI_URI, resource)


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def response_validator(path: str) -> Draft202012Validator:
    """The validator for the 200 response of GET ``path`` (an OpenAPI path template)."""
    pointer = _pointer("paths", path, "get", "responses", "200", "content", "application/json")
    schema = {"$ref": f"{OPENAPI_URI}#/{pointer}/schema"}
    return Draft202012Validator(
        schema, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def schema_validator(name: str) -> Draft202012Validator:
    """The validator for one HSDS object schema, e.g. ``service.json``."""
    schema = {"$ref": hsds_spec.REMOTE_BASE + name}
    return Draft202012Validator(
        schema, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(validator: Draft202012Validator, instance) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


def bundled_openapi(server_url: str) -> dict:
    """The served HSDS document with every remote schema copied in under
    ``components/schemas`` (schemathesis then needs no network either)."""
    import copy

    document = copy.deepcopy(hsds_spec.corrected_openapi(server_url))
    schemas = document["components"].setdefault("schemas", {})

    def local_name(url: str) -> str:
        return hsds_spec.local_schema_path(url).stem

    def rewrite(node, base: str):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                url = ref if ref.startswith("http") else base.rsplit("/", 1)[0] + "/" + ref
                name = local_name(url)
                if name not in schemas:
                    schemas[name] = {}
                    path = hsds_spec.local_schema_path(url)
                    loaded = json.loads(path.read_text())
                    schemas[name] = rewrite(loaded, hsds_spec.REMOTE_BASE + name + ".json")
                node = {**node, "$ref": f"#/components/schemas/{name}"}
            return {key: rewrite(value, base) for key, value in node.items()}
        if isinstance(node, list):
            return [rewrite(value, base) for value in node]
        return node

    document["paths"] = rewrite(document["paths"], hsds_spec.REMOTE_BASE + "openapi.json")
    return document
