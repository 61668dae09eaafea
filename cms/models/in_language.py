"""Shared labels (themes, target groups, place descriptions) in the resident's language.

These snippets are one row for every language; an English text sits beside the Dutch one in
a field named after the language (``name_en``). What a resident sees is the field of the
active language when it is filled in, otherwise the Dutch source. Another language is one
more field per text (``name_ar``) and a migration.
"""

from django.conf import settings
from django.utils import translation


def in_language(obj, field: str, language: str | None = None) -> str:
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language != settings.LANGUAGE_CODE:
        value = getattr(obj, f"{field}_{language}", "")
        if value:
            return value
    return getattr(obj, field)


class ShownInLanguage:
    """``shown_name`` / ``shown_description``: the texts a resident reads."""

    @property
    def shown_name(self) -> str:
        return in_language(self, "name")

    @property
    def shown_description(self) -> str:
        return in_language(self, "description")


def in_shown_order(items) -> list:
    """The editors' order (``sort_order``), then alphabetical by what is shown."""
    return sorted(items, key=lambda item: (item.sort_order, item.shown_name.casefold()))
