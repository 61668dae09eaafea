"""A small fixed-window rate limiter on Django's cache.

The client is identified by a keyed hash (HMAC with SECRET_KEY) of its IP address. The hash
lives only in the cache and only for the length of the window; no IP address is stored in the
database or written to a log. With several processes, use a shared cache (database or Redis):
the default local-memory cache counts per process.
"""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    scope: str
    max_requests: int
    window_seconds: int


CORRECTIONS = Limit("correction", max_requests=10, window_seconds=60 * 60)
FEEDBACK = Limit("feedback", max_requests=30, window_seconds=60 * 60)
LOGIN = Limit("login", max_requests=10, window_seconds=15 * 60)


def client_address(request) -> str:
    """REMOTE_ADDR, or the header named in EDITORIAL_CLIENT_IP_HEADER behind a proxy."""
    header = getattr(settings, "EDITORIAL_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _cache_key(request, limit: Limit) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"{limit.scope}:{client_address(request)}".encode(),
        hashlib.sha256,
    ).hexdigest()[:32]
    return f"editorial:ratelimit:{limit.scope}:{digest}"


def hit(request, limit: Limit) -> bool:
    """Count one request; True while the client is within its limit."""
    key = _cache_key(request, limit)
    cache.add(key, 0, timeout=limit.window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=limit.window_seconds)
        count = 1
    return count <= limit.max_requests


def exceeded(request, limit: Limit) -> bool:
    """Whether the client has used up its limit, without counting this request."""
    return (cache.get(_cache_key(request, limit)) or 0) >= limit.max_requests
