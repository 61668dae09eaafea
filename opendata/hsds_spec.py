"""The official HSDS 3.0 OpenAPI document, corrected where the spec itself is wrong, and
the local copies of the schemas it points at.

The files in ``opendata/hsds/schema/`` are unmodified copies (CC BY-SA 4.0, Open Referral;
see ``opendata/hsds/SOURCE.txt``). Known defects of HSDS 3.0's openapi.json, fixed here in
code so the copies stay as published:

1. ``/service_at_locations/{id}`` is declared to return a service; it returns a
   service_at_location.
2. The operation ids of ``/taxonomy_terms`` and ``/taxonomy_terms/{id}`` are swapped.
3. ``modified_after`` uses the non-standard format "datetime"; it is "date-time".
4. ``compiled/service.json`` and ``compiled/organization.json`` are referred to but not
   published; they are the plain ``service.json`` and ``organization.json``.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds" / "schema"
REMOTE_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
PROFILE = "https://github.com/openreferral/specification/tree/3.0"


@cache
def _official() -> dict:
    return json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))


def local_schema_path(url: str) -> Path:
    """The local file for a remote schema URL (``compiled/x.json`` falls back to ``x.json``)."""
    if not url.startswith(REMOTE_BASE):
        raise LookupError(url)
    relative = url.removeprefix(REMOTE_BASE)
    path = SCHEMA_DIR / relative
    if not path.is_file():
        path = SCHEMA_DIR / Path(relative).name
    if not path.is_file() or SCHEMA_DIR not in path.resolve().parents:
        raise LookupError(url)
    return path


UNSUPPORTED = ("#/components/parameters/format", "#/components/parameters/minimal")


def _declare_what_we_serve(paths: dict) -> None:
    """Only the parameters this API really handles: no ``format`` (JSON only) and no
    ``minimal``; ``postcode`` and ``proximity`` also on ``/services``; and the error answers
    (400 for a wrong parameter, 404 for an unknown id) that the official document leaves out."""
    for item in paths.values():
        operation = item["get"]
        operation["parameters"] = [
            p for p in operation.get("parameters", []) if p.get("$ref") not in UNSUPPORTED
        ]
    services = paths["/services"]["get"]["parameters"]
    services += [
        {"$ref": "#/components/parameters/postcode"},
        {"$ref": "#/components/parameters/proximity"},
    ]
    for path, item in paths.items():
        responses = item["get"]["responses"]
        if "{id}" in path:
            responses["404"] = _error_response("No public record with this id.")
        # Any address with a control character is refused before a view reads it, so every
        # path can answer 400, also those with only an id.
        responses["400"] = _error_response(
            "A parameter or the address is wrong; `message` says what."
        )


def _error_response(description: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": {"enum": ["bad_request", "not_found"]},
                        "parameter": {"type": "string"},
                        "message": {"type": "string", "description": "In Dutch."},
                    },
                }
            }
        },
    }


def corrected_openapi(server_url: str = "") -> dict:
    document = copy.deepcopy(_official())
    paths = document["paths"]
    sal = paths["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]
    sal["application/json"]["schema"]["$ref"] = REMOTE_BASE + "service_at_location.json"
    paths["/taxonomy_terms"]["get"]["operationId"] = "getPaginatedListOfTaxonomyTerms"
    paths["/taxonomy_terms/{id}"]["get"]["operationId"] = "getTaxonomyTermById"
    document["components"]["parameters"]["modified_after"]["schema"]["format"] = "date-time"
    _declare_what_we_serve(paths)
    document["info"] = {
        "title": "Sociale kaart Uithoorn: HSDS 3.0",
        "version": "1.0.0",
        "summary": "Voorzieningen, aanbieders en locaties in Uithoorn en De Kwakel (HSDS 3.0).",
        "description": (
            "Read-only HSDS 3.0 API of the sociale kaart. Dates and times in schedules are "
            "local Europe/Amsterdam time. Based on the HSDS 3.0 openapi.json by Open "
            "Referral (CC BY-SA 4.0), with its known defects corrected."
        ),
    }
    if server_url:
        document["servers"] = [{"url": server_url}]
    return document
