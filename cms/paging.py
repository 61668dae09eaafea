"""Pages of a long list (the service overview, the list APIs): a strict page number from the
query string and a fixed page size, so the work per request never grows with the catalogue."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext as _

MAX_PAGE = 10_000
_PAGE_RE = re.compile(r"^[0-9]{1,5}$", re.ASCII)


def page_number(value: str | None) -> int:
    """'' → 1; '3' → 3; anything else ('²', '0', '1e9', a huge number) → BadRequest."""
    value = (value or "").strip()
    if not value:
        return 1
    if not _PAGE_RE.match(value) or not 1 <= int(value) <= MAX_PAGE:
        raise BadRequest(
            _("Het paginanummer moet een getal zijn van 1 tot en met %(max)s.") % {"max": MAX_PAGE}
        )
    return int(value)


@dataclass
class PageOf:
    items: list
    number: int
    pages: int
    count: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    def to_dict(self) -> dict:
        return {"count": self.count, "page": self.number, "pages": self.pages}


def paginate(queryset, number: int, per_page: int) -> PageOf:
    """One page; a page past the end is empty (not an error), like the search API."""
    paginator = Paginator(queryset, per_page)
    try:
        items = list(paginator.page(number).object_list)
    except EmptyPage:
        items = []
    return PageOf(items, number, max(1, paginator.num_pages), paginator.count)
