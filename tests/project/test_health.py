"""/health/: what a load balancer and a monitoring system read."""

import pytest

from search.query import cluster

pytestmark = pytest.mark.django_db


def test_healthy_site(client, build):
    build.service("shv", "Hulp bij schulden")
    response = client.get("/health/")
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert body["checks"]["search"] | {"ms": 0} == {
        "ok": True, "configured": "embedded", "answering": "embedded", "embedded_entries": 1,
        "ms": 0,
    }  # fmt: skip


def test_an_empty_index_is_degraded(client):
    body = client.get("/health/").json()
    assert body["status"] == "degraded" and body["checks"]["search"]["embedded_entries"] == 0


def test_a_cluster_outage_is_reported_but_the_site_still_serves(client, build, settings):
    build.service("shv", "Hulp bij schulden")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    response = client.get("/health/")
    assert response.status_code == 200
    search = response.json()["checks"]["search"]
    assert search["elasticsearch"] == "down" and search["answering"] == "embedded"
    assert response.json()["status"] == "degraded"
    cluster.failure(ConnectionError("down"))
    assert client.get("/health/").json()["checks"]["search"]["elasticsearch"] == "down"


def test_an_opensearch_outage_is_reported_under_its_own_name(client, build, settings):
    build.service("shv", "Hulp bij schulden")
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"
    search = client.get("/health/").json()["checks"]["search"]
    assert search["configured"] == "opensearch"
    assert search["opensearch"] == "down" and search["answering"] == "embedded"


def test_an_unreachable_shared_cache_gives_503(client, build, settings):
    """The rate limits of both logins live in the cache: without it the site is not safe."""
    build.service("shv", "Hulp bij schulden")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error" and body["checks"]["database"]["ok"]
    assert (
        not body["checks"]["cache"]["ok"] and "ConnectionError" in body["checks"]["cache"]["error"]
    )
