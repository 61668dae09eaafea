"""Structured logs: one JSON object per line on stderr, with the id of the request.

The request id comes from ``RequestIdMiddleware`` (or from the proxy's ``X-Request-ID``), so
a resident's report "it went wrong at 10:04" can be found with the id in the response header.
"""

from __future__ import annotations

import contextvars
import logging

from pythonjsonlogger.core import RESERVED_ATTRS

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record, and the path and status for Django's own."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        # Django logs a refused request after the middleware is done: the id is on the request.
        record.request_id = getattr(request, "id", None) or request_id.get()
        if request is not None and hasattr(request, "path"):
            record.path = request.path
            record.method = request.method
        return True


# Formatter settings for ``LOGGING`` (python-json-logger); the request object itself is left
# out, its path and method are logged instead.
JSON_FORMATTER = {
    "()": "pythonjsonlogger.json.JsonFormatter",
    "fmt": "{asctime}{levelname}{name}{message}",
    "style": "{",
    "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    "reserved_attrs": [*RESERVED_ATTRS, "request"],
    "json_ensure_ascii": False,
}
