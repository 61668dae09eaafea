"""The OpenAPI 3.1 document of our own read API (/api/openapi.json).

Hand-written in ``opendata/openapi/sociale-kaart.yaml``; a contract test runs schemathesis
against a live server with it, so the document stays true."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DOCUMENT = Path(__file__).resolve().parent / "openapi" / "sociale-kaart.yaml"


@cache
def openapi_document() -> dict:
    return yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
