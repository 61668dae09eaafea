"""Languages a service is offered in: ISO 639-1 codes, named in the visitor's language.

Names come from pycountry's ISO 639 tables and their translations (Dutch: "ar" ->
"Arabisch"), so nobody types or translates language names by hand.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterable

import pycountry
from django.utils import translation
from django.utils.translation import gettext as _

FIRST = ("nl", "en")  # listed first in the admin: nearly every service speaks these


@functools.cache
def _names(language: str) -> dict[str, str]:
    found = gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
    return {
        entry.alpha_2: found.gettext(entry.name)
        for entry in pycountry.languages
        if hasattr(entry, "alpha_2")
    }


def names() -> dict[str, str]:
    """Code -> name in the active language (Dutch unless an English interface is active)."""
    return _names((translation.get_language() or "nl").split("-")[0])


def name(code: str) -> str:
    return names().get(code, code)


def choices() -> list[tuple[str, str]]:
    """(code, name) for a form: Dutch and English first, then alphabetical by name."""
    known = names()
    rest = sorted((c for c in known if c not in FIRST), key=lambda c: known[c].lower())
    return [(code, known[code]) for code in (*FIRST, *rest)]


def default() -> list[str]:
    """A new service speaks Dutch."""
    return ["nl"]


def normalise(codes: Iterable[str]) -> list[str]:
    """Lower-case, known, unique codes in their given order; ValueError for an unknown one."""
    known = _names("en")
    result: list[str] = []
    for raw in codes:
        code = raw.strip().lower()
        if not code:
            continue
        if code not in known:
            raise ValueError(
                _("'%(code)s' is geen taalcode. Gebruik codes als nl, en of ar.") % {"code": raw}
            )
        if code not in result:
            result.append(code)
    return result
