"""Our pages work under a strict Content-Security-Policy: no inline script or style, no
inline event handlers, nothing from another host. The policy is added in the browser here;
setting the header in production is a deployment choice."""

import pytest

from tests.browser.support import new_context, wait_for_maps

pytestmark = pytest.mark.browser

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""
# /zoeken/ is left out: its template (search app) still has an inline <style>.
PAGES = [
    "/",
    "/kaart/?thema=geld",
    "/wijken/thamerdal/",
    "/wegwijzer/",
    "/wegwijzer/vragen/?thema=geld",
    "/wegwijzer/uitkomst/?thema=geld&voor-wie=mijn-kind&postcode=1422AA",
    "/voorzieningen/sociaal-loket/",
    "/deze-pagina-bestaat-niet/",
]


def add_policy(route):
    if route.request.resource_type != "document":
        route.fallback()
        return
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})


def test_pages_run_under_a_strict_policy(browser, site):
    context = new_context(browser, site)
    context.route("**/*", add_policy)
    context.add_init_script(RECORD)
    page = context.new_page()
    violations = {}
    try:
        for path in PAGES:
            page.goto(path)
            wait_for_maps(page)
            if page.evaluate("window.__csp.length"):
                violations[path] = page.evaluate("window.__csp")
    finally:
        context.close()
    assert not violations, violations
