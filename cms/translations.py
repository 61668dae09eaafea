"""One source language for every list, and the resident's language for what a list shows.

Every page exists once in Dutch (the source, ``settings.LANGUAGE_CODE``) and perhaps once more
as a translation. Lists, counts, exports, feeds and the map start from the Dutch pages only
(``source_pages``), so a translated service is never listed twice and every count is the same
with or without translations. On the English site each page of a list is then swapped for its
live translation where one exists (``localized``): its title, summary and address are English;
a page without a translation stays Dutch.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation


def source_language() -> str:
    return settings.LANGUAGE_CODE


def is_source_language(language: str | None = None) -> bool:
    return (language or translation.get_language() or source_language()) == source_language()


def source_pages(queryset):
    """The pages of ``queryset`` in the source language (the Dutch tree)."""
    return queryset.filter(locale__language_code=source_language())


def source_of(page):
    """The Dutch source of ``page`` (the page itself when it is Dutch, or has no source)."""
    if page is None or page.locale.language_code == source_language():
        return page
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .filter(locale__language_code=source_language())
        .first()
        or page
    )


def localized(pages: Iterable, within=None, language: str | None = None) -> list:
    """``pages`` (Dutch sources) in the same order, each replaced by its live translation in
    ``language`` (default: the active language) when there is one.

    ``within``: the queryset to take translations from (default: the live pages of the same
    model), so a list keeps its ``select_related``/``prefetch_related``.
    """
    pages = list(pages)
    language = language or translation.get_language() or source_language()
    if is_source_language(language) or not pages:
        return pages
    if within is None:
        within = type(pages[0]).objects.live()
    keys = {page.translation_key for page in pages}
    found = {
        page.translation_key: page
        for page in within.filter(translation_key__in=keys, locale__language_code=language)
    }
    return [found.get(page.translation_key, page) for page in pages]


def localized_page(page, language: str | None = None):
    """One page in the active language, when it has a live translation."""
    if page is None:
        return None
    return localized([page], language=language)[0]


def with_localized(objects: Iterable, field: str, language: str | None = None) -> list[tuple]:
    """(object, the page its ``field`` points to in ``language``) for every object, in order:
    the live translation of that page when there is one, the page itself otherwise (None when
    the field is empty). One query for the whole list, none in the source language."""
    objects = list(objects)
    related = [getattr(obj, field) for obj in objects]
    pages = [page for page in related if page is not None]
    shown = iter(localized(pages, language=language))
    return [
        (obj, None if page is None else next(shown))
        for obj, page in zip(objects, related, strict=True)
    ]


def localized_by_slug(model, slugs: Iterable[str], language: str | None = None) -> dict:
    """Source-language slug -> the live page of ``model`` a resident of ``language`` reads:
    its translation when there is one, the source page otherwise. Two queries."""
    slugs = set(slugs)
    language = language or translation.get_language() or source_language()
    if is_source_language(language) or not slugs:
        return {}
    sources = list(
        source_pages(model.objects.live()).filter(slug__in=slugs).only("slug", "translation_key")
    )
    shown = localized(
        sources,
        within=model.objects.live().only("slug", "title", "translation_key"),
        language=language,
    )
    return {source.slug: page for source, page in zip(sources, shown, strict=True)}
