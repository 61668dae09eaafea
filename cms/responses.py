"""The one JSON response of the site (search API, map feeds)."""

from __future__ import annotations

import json

from django.http import HttpResponse


def json_response(
    data: dict, status: int = 200, content_type: str = "application/json"
) -> HttpResponse:
    """JSON in which <, > and & are escaped, so nothing typed is ever reflected as markup."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return HttpResponse(text, status=status, content_type=f"{content_type}; charset=utf-8")
