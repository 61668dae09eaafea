"""The Content-Security-Policy of the public site: only our own scripts, styles and images,
plus the map tile host (and the media host when media live elsewhere).

The same directives are set by django-csp in production and added to every page in the
browser tests (tests/browser/test_strict_csp.py), so what the tests prove is what we send.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SELF = "'self'"
NONE = "'none'"


def origin(url: str) -> str:
    """'https://tiles.example.org/{z}/{x}/{y}.png' → 'https://tiles.example.org'; '' for a
    site-relative URL."""
    parts = urlsplit(url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return ""


def directives(*extra_image_urls: str) -> dict[str, list[str]]:
    images = [SELF, "data:"]
    images += sorted({origin(url) for url in extra_image_urls} - {""})
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": images,
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def header(policy: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())
