"""Count what residents look for: per day, theme and wijk, nothing else.

No question text, no IP address, no cookie, no user: one counter per (day, theme, wijk).
The theme is the (first) chosen theme filter, otherwise the first theme of the best result; the wijk
is the chosen wijk filter, otherwise the wijk around the postcode someone gave. Only the first
page of a search counts, so leafing through results does not count twice.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from places import geo

from .models import SearchDemand
from .types import SearchParams, SearchResult

log = logging.getLogger(__name__)


def theme_of(params: SearchParams, result: SearchResult) -> str:
    """One theme per search, so that the counts per theme add up to the number of searches."""
    if params.themes:
        return params.themes[0]
    if result.results and result.results[0].themes:
        return result.results[0].themes[0]["slug"]
    return ""


def wijk_of(params: SearchParams) -> str:
    if params.wijken:
        return params.wijken[0]
    if params.origin is None:
        return ""
    from cms.models import WijkPage
    from cms.translations import source_pages

    wijken = source_pages(WijkPage.objects.live().public()).only("slug", "boundary")
    return geo.find_containing(params.origin, ((w.slug, w.boundary) for w in wijken)) or ""


def should_count(params: SearchParams) -> bool:
    return params.page == 1 and bool(params.q.strip() or params.has_filters or params.origin)


def record(params: SearchParams, result: SearchResult) -> None:
    if not should_count(params):
        return
    day = timezone.localdate()
    wijk = wijk_of(params)[:80]
    empty = 1 if result.count == 0 else 0
    _add(day, theme_of(params, result)[:80], wijk, empty)


def _add(day, theme: str, wijk: str, empty: int) -> None:
    key = {"day": day, "theme": theme, "wijk": wijk}
    increments = {"searches": F("searches") + 1, "without_results": F("without_results") + empty}
    try:
        with transaction.atomic():
            if not SearchDemand.objects.filter(**key).update(**increments):
                with transaction.atomic():
                    SearchDemand.objects.create(**key, searches=1, without_results=empty)
    except IntegrityError:  # counted at the same moment in another request
        SearchDemand.objects.filter(**key).update(**increments)
    except DatabaseError:
        log.exception("Could not count a search")
