"""Optional online geocoding of an address with OpenStreetMap Nominatim (via geopy).

Off unless the caller passes ``enabled=True`` (for example from a Django setting). It never
raises on network trouble: it logs a warning and returns ``None``, so saving a page or form
always works; the editor can then place the marker by hand or rely on the postcode table.
Mind the Nominatim usage policy: at most one request per second, and a real user agent.
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping

from geopy.exc import GeopyError
from geopy.geocoders import Nominatim

from places.geo import GeoError, Point, in_netherlands, normalise_postcode

logger = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "sociale-kaart-uithoorn"
DEFAULT_DOMAIN = "nominatim.openstreetmap.org"


def _cache_key(street: str, number: str, postcode: str, town: str) -> str:
    parts = (street, number, postcode, town)
    return "|".join(" ".join(str(part or "").split()).casefold() for part in parts)


def geocode_address(
    street: str,
    number: str | int,
    postcode: str,
    town: str,
    *,
    enabled: bool,
    timeout: float = 3.0,
    cache: MutableMapping[str, Point | None] | None = None,
    user_agent: str = DEFAULT_USER_AGENT,
    domain: str = DEFAULT_DOMAIN,
    scheme: str = "https",
) -> Point | None:
    """Return the location of a Dutch address, or ``None``.

    ``None`` means: geocoding is disabled, there is too little to search for, nothing was
    found, the result lies outside the Netherlands, or the service could not be reached.
    Found and not-found answers are stored in ``cache`` (when given); failures are not, so
    a later call can try again.
    """
    if not enabled:
        return None

    street = " ".join(str(street or "").split())
    number_text = " ".join(str(number or "").split())
    town = " ".join(str(town or "").split())
    try:
        postcode = normalise_postcode(postcode) if postcode else ""
    except GeoError:
        postcode = ""  # A broken postcode would only make the search fail.
    if not street and not postcode:
        return None

    key = _cache_key(street, number_text, postcode, town)
    if cache is not None and key in cache:
        return cache[key]

    query: dict[str, str] = {"country": "Nederland"}
    if street:
        query["street"] = f"{number_text} {street}".strip()
    if postcode:
        query["postalcode"] = postcode
    if town:
        query["city"] = town

    geocoder = Nominatim(user_agent=user_agent, timeout=timeout, domain=domain, scheme=scheme)
    try:
        location = geocoder.geocode(query, exactly_one=True, country_codes="nl")
    except (GeopyError, OSError, ValueError) as error:
        logger.warning("Geocoding failed for %r: %s", query, error)
        return None

    point: Point | None = None
    if location is not None:
        lat, lon = float(location.latitude), float(location.longitude)
        if in_netherlands(lat, lon):
            point = Point(lat=lat, lon=lon)
        else:
            logger.warning("Geocoder returned a location outside the Netherlands for %r", query)
    if cache is not None:
        cache[key] = point
    return point
