"""/health/ for the load balancer and monitoring: database, cache and search, as JSON.

200 while the site can serve residents (a search cluster outage is reported, but the embedded
engine answers, so it is not fatal); 503 when the database or the cache fails.
"""

from __future__ import annotations

import time
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.status import engine_status


def _timed(check) -> dict:
    start = time.perf_counter()
    try:
        result = check() or {}
        result.setdefault("ok", True)
    except Exception as error:  # a health check reports every failure, never raises
        result = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    result["ms"] = round((time.perf_counter() - start) * 1000, 1)
    return result


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def _cache() -> dict:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    read = cache.get(key)
    cache.delete(key)
    return {"ok": read == value}


@never_cache
@require_GET
def health(request):
    checks = {"database": _timed(_database), "cache": _timed(_cache)}
    checks["search"] = _timed(engine_status) if checks["database"]["ok"] else {"ok": False}
    essential = checks["database"]["ok"] and checks["cache"]["ok"]
    if not essential:
        status = "error"
    elif checks["search"]["ok"] and checks["search"].get("answering") == checks["search"].get(
        "configured"
    ):
        status = "ok"
    else:
        status = "degraded"
    return JsonResponse({"status": status, "checks": checks}, status=200 if essential else 503)
