"""Budget: the home page and the search results transfer at most 200 KB on first load (map
tiles excluded) and ask nothing of any other host."""

from urllib.parse import urlparse

import pytest
from django.conf import settings

from tests.browser.support import SCREENSHOTS, new_context

pytestmark = pytest.mark.browser

BUDGET = 200 * 1024
TILE_PREFIX = settings.MAP_TILE_URL.split("{", 1)[0]


def first_load(browser, site, path):
    context = new_context(browser, site, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request))
    try:
        page.goto(path, wait_until="networkidle")
        weights = {}
        for request in requests:
            if TILE_PREFIX in request.url:
                continue
            sizes = request.sizes()
            weights[request.url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        hosts = {urlparse(request.url).netloc for request in requests}
    finally:
        context.close()
    return weights, hosts


@pytest.mark.parametrize("path", ["/", "/zoeken/?q=ik+heb+schulden"])
def test_first_load_is_small_and_local(browser, site, path):
    weights, hosts = first_load(browser, site, path)
    total = sum(weights.values())
    report = "\n".join(f"{size:>8} {url}" for url, size in sorted(weights.items()))
    SCREENSHOTS.mkdir(exist_ok=True)
    name = "home" if path == "/" else "zoeken"
    (SCREENSHOTS / f"weight-{name}.txt").write_text(f"{total} bytes\n{report}\n", encoding="utf-8")
    assert hosts == {urlparse(site.url).netloc}, hosts
    assert total <= BUDGET, f"{path}: {total} bytes\n{report}"
