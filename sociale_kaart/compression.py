"""Gzip for the JSON API only.

The API's JSON and GeoJSON shrink 10 to 20 times with gzip. HTML pages are left alone: they
carry CSRF tokens and form values, and compressing secrets next to what a visitor typed is the
BREACH attack. Static files are compressed ahead of time by whitenoise.
"""

from __future__ import annotations

from django.middleware.gzip import GZipMiddleware

JSON_TYPES = ("application/json", "application/geo+json")


class ApiGZipMiddleware(GZipMiddleware):
    """Django's own gzip middleware, for JSON answers on /api/."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip()
        if not request.path.startswith("/api/") or content_type not in JSON_TYPES:
            return response
        return super().process_response(request, response)
