"""A cluster that fails in the ways real ones do, on real local sockets: a closed port, a
listener that accepts and never answers, and one whose connection queue is full. Each runs
for both transports (elasticsearch-py for ELASTICSEARCH_URL, opensearch-py for OPENSEARCH_URL):
the breaker and the connect timeout must hold for either."""

import logging
import socket
import threading
import time

import pytest

from search import query
from search.types import SearchParams

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture(params=["ELASTICSEARCH_URL", "OPENSEARCH_URL"], ids=["elasticsearch", "opensearch"])
def use_cluster(request, settings):
    """Point the setting of one product at a URL (the other stays empty)."""

    def point(url: str) -> None:
        settings.ELASTICSEARCH_URL = settings.OPENSEARCH_URL = ""
        setattr(settings, request.param, url)

    return point


@pytest.fixture
def hung_cluster():
    """Accepts every connection and never sends a byte back."""
    server = socket.create_server(("127.0.0.1", 0))
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


@pytest.fixture
def full_backlog():
    """A listener that never accepts, with its queue full: new connections hang in SYN."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    filler = socket.create_connection(("127.0.0.1", port))
    yield f"http://127.0.0.1:{port}"
    filler.close()
    server.close()


def timed_search(q="schulden") -> tuple[float, str, list[str]]:
    start = time.monotonic()
    result = query.run(SearchParams(q=q), record=False)
    return time.monotonic() - start, str(result.engine), [r.slug for r in result.results]


def test_after_one_timeout_a_hung_cluster_is_skipped(
    settings, use_cluster, build, hung_cluster, caplog
):
    build.service("shv", "Hulp bij schulden")
    timed_search()  # warm up the embedded engine's in-process snapshot
    use_cluster(hung_cluster)
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    with caplog.at_level(logging.WARNING, logger="search"):
        first = timed_search()
        later = [timed_search() for _ in range(20)]
        suggestions = query.suggest("sch")
    assert first[0] >= 0.5 and first[1:] == ("embedded", ["shv"])
    assert all(seconds < 0.2 for seconds, _e, _r in later), [round(s, 3) for s, *_ in later]
    assert all(rest == ["embedded", ["shv"]] for _s, *rest in later)
    assert "schulden" in suggestions
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("search")]
    assert len(warnings) == 1 and "ConnectionTimeout" in warnings[0], warnings


def test_the_hung_cluster_is_probed_again_after_the_pause(
    settings, use_cluster, build, hung_cluster
):
    use_cluster(hung_cluster)
    settings.ELASTICSEARCH_TIMEOUT = 0.3
    # A pause long enough that the embedded answer after the failure ends well within it,
    # also on a machine busy with other test workers.
    query.cluster.retry_after = 2.0
    build.service("shv", "Hulp bij schulden")
    try:
        assert timed_search()[0] >= 0.3  # fails, opens the breaker
        assert timed_search()[0] < 0.2  # skipped
        time.sleep(2.1)
        assert timed_search()[0] >= 0.3  # the probe waits again, and fails
        assert timed_search()[0] < 0.2
    finally:
        query.cluster.retry_after = settings.ELASTICSEARCH_RETRY_AFTER


def test_a_closed_port_logs_one_warning_for_many_requests(use_cluster, client, build, caplog):
    use_cluster(CLOSED_PORT)
    build.service("shv", "Hulp bij schulden")
    with caplog.at_level(logging.WARNING, logger="search"):
        bodies = [client.get("/api/zoeken/", {"q": "schulden"}).json() for _ in range(10)]
        client.get("/api/suggesties/", {"q": "sch"})
        client.get("/api/kaart.geojson", {"q": "schulden"})
    assert all(b["engine"] == "embedded" and b["count"] == 1 for b in bodies)
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("search")]
    assert len(warnings) == 1 and "ConnectionError" in warnings[0], warnings


def test_connecting_waits_the_short_connect_timeout_not_the_read_timeout(
    settings, use_cluster, build, full_backlog
):
    use_cluster(full_backlog)
    settings.ELASTICSEARCH_TIMEOUT = 5
    settings.ELASTICSEARCH_CONNECT_TIMEOUT = 0.3
    build.service("shv", "Hulp bij schulden")
    seconds, engine, slugs = timed_search()
    assert 0.3 <= seconds < 1.5 and engine == "embedded" and slugs == ["shv"]
