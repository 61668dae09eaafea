"""Read and check what a visitor asked for (query string) into ``SearchParams``.

A wrong value that a client program sends (a broken page number, an unknown sort order,
coordinates outside the Netherlands) raises ``ParamError``: the API answers 400 with the
message. What residents type (a postcode we do not know) never fails: it becomes a warning
and the search goes on without distances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from cms.models.services import Cost
from places import geo
from places.postcodes import UnknownPostcode, locate_postcode

from .types import FACETS, FILTERS, SearchParams, Sort

MAX_QUERY_LENGTH = 500
MAX_PAGE = 1000
MAX_FILTER_VALUES = 20
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRUE = {"1", "true", "ja", "on", "yes"}
UNDO_PARTS = ("plaats", "wanneer", "voor")  # what query understanding read; see understanding
# ASCII only: str.isdigit() and float() also accept '²' or Arabic-Indic digits.
_PAGE_RE = re.compile(r"^[0-9]{1,4}$", re.ASCII)
_COORDINATE_RE = re.compile(r"^-?[0-9]{1,3}(?:[.,][0-9]{1,15})?$", re.ASCII)


class ParamError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message

    def to_dict(self) -> dict:
        return {"error": "invalid_parameter", "field": self.field, "message": self.message}


@dataclass
class Parsed:
    params: SearchParams
    warnings: list[dict]
    postcode: str = ""


def clean_query(value: str) -> str:
    """Control characters (NUL included) out, runs of white space made single."""
    return " ".join(_CONTROL_RE.sub(" ", value or "").split())


def _values(data, name: str) -> tuple[str, ...]:
    raw = [v for item in data.getlist(name) for v in item.split(",")]
    values = tuple(dict.fromkeys(v.strip().lower() for v in raw if v.strip()))
    if len(values) > MAX_FILTER_VALUES:
        raise ParamError(name, _("Kies minder filters tegelijk."))
    for value in values:
        if not _SLUG_RE.match(value):
            raise ParamError(name, _("Dit filter kennen we niet. Kies een filter uit de lijst."))
    return values


def _page(value: str) -> int:
    if not value:
        return 1
    if not _PAGE_RE.match(value) or not 1 <= int(value) <= MAX_PAGE:
        raise ParamError(
            "pagina",
            _("Het paginanummer moet een getal zijn van 1 tot en met %(max)s.") % {"max": MAX_PAGE},
        )
    return int(value)


def _origin(data, warnings: list[dict]) -> tuple[geo.Point | None, str]:
    lat, lon = data.get("lat", "").strip(), data.get("lon", "").strip()
    if lat or lon:
        if not (lat and lon):
            raise ParamError("lat", _("Geef zowel de breedtegraad (lat) als de lengtegraad (lon)."))
        for name, value in (("lat", lat), ("lon", lon)):
            if not _COORDINATE_RE.match(value):
                raise ParamError(
                    name, _("Een coördinaat is een getal, bijvoorbeeld 52.23 of 4.82.")
                )
        try:
            return geo.validate_coordinates(lat, lon), ""
        except geo.GeoError as error:
            raise ParamError("lat", str(error)) from None
    postcode = clean_query(data.get("postcode", ""))[:20]
    if not postcode:
        return None, ""
    try:
        location = locate_postcode(postcode)
    except UnknownPostcode as error:
        warnings.append({"field": "postcode", "message": str(error)})
        return None, postcode
    except geo.GeoError:
        message = _("Dit is geen postcode. Een postcode is bijvoorbeeld 1422 AA of 1422.")
        warnings.append({"field": "postcode", "message": message})
        return None, postcode
    return location.point, location.postcode


def _language(value: str) -> str:
    """The language of the question: ``lang`` when given (the API), else the page's."""
    known = dict(settings.LANGUAGES)
    if value and value not in known:
        raise ParamError(
            "lang",
            _("Deze taal kennen we niet. Kies een van: %(codes)s.") % {"codes": ", ".join(known)},
        )
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return value or (active if active in known else settings.LANGUAGE_CODE)


def parse(data) -> Parsed:
    """``data``: a QueryDict (request.GET)."""
    q = clean_query(data.get("q", ""))
    if len(q) > MAX_QUERY_LENGTH:
        raise ParamError(
            "q",
            _("Uw zoekvraag is te lang. Gebruik minder dan %(max)s tekens.")
            % {"max": MAX_QUERY_LENGTH},
        )
    filters = {name: _values(data, name) for name in FACETS}
    allowed_costs = {value for value, _label in Cost.choices}
    if set(filters["kosten"]) - allowed_costs:
        raise ParamError("kosten", _("Dit filter kennen we niet. Kies een filter uit de lijst."))
    asked_sort = data.get("sorteer", "").strip().lower()
    sort_value = asked_sort or Sort.RELEVANCE
    if sort_value not in set(Sort):
        raise ParamError("sorteer", _("Sorteer op 'relevantie' of op 'afstand'."))
    warnings: list[dict] = []
    origin, postcode = _origin(data, warnings)
    sort = Sort(sort_value)
    if not asked_sort and not q and origin is not None:
        sort = Sort.DISTANCE  # no question, but a place: nearest first
    if sort == Sort.DISTANCE and origin is None and not warnings:
        warnings.append(
            {"field": "sorteer", "message": _("Vul uw postcode in om op afstand te sorteren.")}
        )
    ignore = _values(data, "negeer")
    if set(ignore) - set(UNDO_PARTS):
        raise ParamError("negeer", _("Kies 'plaats', 'wanneer' of 'voor' om te negeren."))
    params = SearchParams(
        q=q,
        ignore=ignore,
        **{FILTERS[name]: values for name, values in filters.items()},
        open_now=data.get("open_nu", "").strip().lower() in _TRUE,
        origin=origin,
        sort=sort if origin is not None else Sort.RELEVANCE,
        page=_page(data.get("pagina", "").strip()),
        lang=_language(data.get("lang", "").strip().lower()),
    )
    return Parsed(params=params, warnings=warnings, postcode=postcode)
