"""One source language for every list, and the resident's language for what a list shows.

Every page exists once in Dutch (the source, ``settings.LANGUAGE_CODE``) and perhaps once more
as a translation. Lists, counts, exports, feeds and the map start from the Dutch pages only
(``source_pages``), so a translated service is never listed twice; on the English site each
page in the list is then swapped for its live translation where one exists (``localized``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation


def source_language() -> str:
    return settings.LANGUAGE_CODE


def source_pages(queryset):
    """The pages of ``queryset`` in the source language (the Dutch tree)."""
    return queryset.filter(locale__language_code=source_language())


def localized(pages: Iterable, language: str | None = None) -> list:
    """``pages`` (Dutch sources) with each one replaced by its live translation in
    ``language`` (default: the active language), when there is one; in the same order."""
    pages = list(pages)
    language = language or translation.get_language() or source_language()
    if language == source_language() or not pages:
        return pages
    model = type(pages[0])
    keys = [page.translation_key for page in pages]
    found = {
        page.translation_key: page
        for page in model.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language)
        .select_related("locale")
    }
    return [found.get(page.translation_key, page) for page in pages]
