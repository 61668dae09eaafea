"""The licence of the open data (the catalogue), chosen in settings (``OPEN_DATA_LICENCE``,
an SPDX identifier; default CC0-1.0). It is named in both OpenAPI documents, in the HSDS root
and as a ``Link: <…>; rel="license"`` header on every open-data response."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

LICENCES = {
    "CC0-1.0": ("CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}  # fmt: skip


def current() -> dict:
    """``{"name", "identifier", "url"}`` of the configured licence."""
    identifier = getattr(settings, "OPEN_DATA_LICENCE", "CC0-1.0")
    if identifier not in LICENCES:
        raise ImproperlyConfigured(
            f"OPEN_DATA_LICENCE must be one of {', '.join(LICENCES)}, not {identifier!r}."
        )
    name, url = LICENCES[identifier]
    return {"name": name, "identifier": identifier, "url": url}


def openapi_licence() -> dict:
    """OpenAPI 3.1 License Object (``identifier`` and ``url`` are mutually exclusive)."""
    found = current()
    return {"name": found["name"], "identifier": found["identifier"]}


def link_header() -> str:
    return f'<{current()["url"]}>; rel="license"'
