"""The API's JSON is sent gzipped to clients that ask for it; HTML pages never are (BREACH)."""

import gzip
import json

import pytest

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.mark.parametrize(
    "path",
    ["/api/voorzieningen/", "/api/kaart.geojson", "/api/zoeken/?q=eenzaam", "/api/hsds/services"],
)
def test_api_json_is_gzipped_and_much_smaller(client, demo, path):
    plain = client.get(path)
    packed = client.get(path, **GZIP)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert json.loads(gzip.decompress(packed.content)) == json.loads(plain.content)
    assert len(packed.content) * 4 < len(plain.content), (len(packed.content), len(plain.content))


@pytest.mark.parametrize("path", ["/", "/zoeken/?q=schulden", "/kaart/", "/inloggen/"])
def test_html_pages_are_never_gzipped(client, demo, path):
    response = client.get(path, **GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_a_client_that_does_not_ask_gets_plain_json(client, demo):
    response = client.get("/api/voorzieningen/", HTTP_ACCEPT_ENCODING="identity")
    assert "Content-Encoding" not in response
    assert response.json()["count"] > 0
