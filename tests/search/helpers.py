"""Small helpers shared by the search tests."""

import json
import os
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def api(client, **params):
    response = client.get("/api/zoeken/", params)
    assert response.status_code == 200, response.content
    return response.json()


def slugs(body) -> list[str]:
    return [r["slug"] for r in body["results"]]


def pinned(name: str, value, update: bool = False):
    """Compare ``value`` with tests/search/data/<name>; set UPDATE_PINNED=1 to rewrite it."""
    path = DATA / name
    if update or os.environ.get("UPDATE_PINNED") == "1":
        path.write_text(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    return json.loads(path.read_text())
