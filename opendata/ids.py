"""Stable UUIDs for everything we publish as open data.

Pages (services, organisations, wijken) use Wagtail's per-page ``translation_key``: it is a
UUID, survives renames, moves and re-publishing. Everything else gets a name-based UUID
(version 5) derived from a fixed namespace and the database key of the record, so the same
record always has the same id and a harvester can update instead of duplicate.
"""

from __future__ import annotations

import uuid

# Fixed forever: changing it would give every derived record a new id.
NAMESPACE = uuid.UUID("5d0c3f2e-8a51-5f0b-9c1e-0b1a7e4d2c11")


def derived(*parts: object) -> str:
    """A UUID for ``parts`` (e.g. ``derived("place", 12)``)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def page_id(page) -> str:
    return str(page.translation_key)


def place_id(place) -> str:
    return derived("place", place.pk)


def service_at_location_id(service, place) -> str:
    return derived("service_at_location", page_id(service), place.pk)


THEMES_TAXONOMY = derived("taxonomy", "themes")
TARGET_GROUPS_TAXONOMY = derived("taxonomy", "target_groups")


def theme_id(theme) -> str:
    return derived("theme", theme.pk)


def target_group_id(group) -> str:
    return derived("target_group", group.pk)
