"""Our pages work under a strict Content-Security-Policy: no inline script or style, no
inline event handlers, nothing from another host. The policy is production's own
(sociale_kaart.content_security), added in the browser here."""

import pytest

from sociale_kaart import content_security
from tests.browser.support import PAGES, new_context, wait_for_maps, walk_editorial_pages

pytestmark = pytest.mark.browser

# The policy production sends (django-csp), tile host excluded: tests never load tiles.
CSP = content_security.header(content_security.directives())
RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""
# Every public page the other browser tests visit (search with and without hits, the editorial
# forms), plus the map with a theme filter.
PATHS = ["/kaart/?thema=geld", *(path for _name, path in PAGES)]

INLINE_STYLE = (
    "document.head.append(Object.assign(document.createElement('style'), {textContent: 'p {}'}))"
)


def add_policy(route):
    if route.request.resource_type != "document":
        route.fallback()
        return
    # Not following redirects: the browser does, so it lands on the right address after a form.
    response = route.fetch(max_redirects=0)
    route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})


def strict_page(browser, site):
    context = new_context(browser, site)
    context.route("**/*", add_policy)
    context.add_init_script(RECORD)
    return context, context.new_page()


def test_pages_run_under_a_strict_policy(browser, site):
    context, page = strict_page(browser, site)
    violations = {}
    try:
        for path in PATHS:
            page.goto(path)
            wait_for_maps(page)
            if page.evaluate("window.__csp.length"):
                violations[path] = page.evaluate("window.__csp")
    finally:
        context.close()
    assert not violations, violations


def test_editorial_forms_and_professional_pages_run_under_a_strict_policy(browser, site):
    context, page = strict_page(browser, site)
    violations = {}

    def check(name):
        wait_for_maps(page)
        if page.evaluate("window.__csp.length"):
            violations[name] = page.evaluate("window.__csp")
        if name == "wijziging-met-fouten":
            # The answer to a POST gets the policy too: an inline <style> is refused.
            page.evaluate(INLINE_STYLE)
            page.wait_for_function("window.__csp.length > 0")

    try:
        walk_editorial_pages(page, check)
    finally:
        context.close()
    assert not violations, violations
