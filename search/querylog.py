"""Remember questions that found nothing or little, without anything about who asked.

Only the text (with e-mail addresses, postcodes and long numbers blanked out), the time and
the number of results are stored: no IP address, no cookie, no user, no location.

A question asked again only raises its count. New questions are capped per day
(``SEARCH_QUERYLOG_MAX_NEW_PER_DAY``), so a script typing random text cannot fill the table.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import analysis
from .models import UnansweredQuery
from .types import SearchParams, SearchResult

log = logging.getLogger(__name__)

FEW_RESULTS = 2  # this many results or fewer count as "few"
MAX_LENGTH = 200

_SCRUB = [
    (re.compile(r"\S+@\S+"), "[e-mail]"),
    (re.compile(r"\b[1-9][0-9]{3}\s?[a-zA-Z]{2}\b"), "[postcode]"),
    (re.compile(r"\+?\d(?:[\s-]?\d){4,}"), "[nummer]"),
]


def scrub(text: str) -> str:
    for pattern, replacement in _SCRUB:
        text = pattern.sub(replacement, text)
    return " ".join(text.lower().split())[:MAX_LENGTH]


def should_record(params: SearchParams, result: SearchResult) -> bool:
    return (
        params.page == 1
        and not params.has_filters
        and bool(analysis.content_words(params.q))
        and result.count <= FEW_RESULTS
    )


def max_new_per_day() -> int:
    return getattr(settings, "SEARCH_QUERYLOG_MAX_NEW_PER_DAY", 200)


def new_today(now) -> int:
    start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return UnansweredQuery.objects.filter(first_asked__gte=start).count()


def record(params: SearchParams, result: SearchResult) -> None:
    if not should_record(params, result):
        return
    text = scrub(params.q)
    now = timezone.now()
    try:
        with transaction.atomic():
            updated = UnansweredQuery.objects.filter(text=text).update(
                times=F("times") + 1, result_count=result.count, last_asked=now
            )
            if not updated and new_today(now) < max_new_per_day():
                with transaction.atomic():
                    UnansweredQuery.objects.create(
                        text=text, result_count=result.count, last_asked=now
                    )
    except IntegrityError:  # asked at the same moment in another request
        UnansweredQuery.objects.filter(text=text).update(times=F("times") + 1, last_asked=now)
    except DatabaseError:
        log.exception("Could not store an unanswered search question")
