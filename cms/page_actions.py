"""Views that higher apps hang under a page's URL, so ``cms`` never imports them.

A page route calls ``serve(name, request, page)``; the app that owns the view registers it
in its ``AppConfig.ready`` with ``register(name, view)``. Nothing registered: 404.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404

_views: dict[str, Callable] = {}


def register(name: str, view: Callable) -> None:
    _views[name] = view


def serve(name: str, request, page):
    view = _views.get(name)
    if view is None:
        raise Http404
    return view(request, page)
