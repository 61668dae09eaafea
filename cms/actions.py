"""The action row of a service: Bel, Route, Website, Mail, where the service has them.

Plain links only. "Route" opens the address in the phone's maps app (``settings.ROUTE_URL``);
nothing is loaded from another host until the resident taps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.utils.translation import gettext as _

from .serializers import place_data


@dataclass(frozen=True)
class Action:
    kind: str  # "bel", "route", "website", "mail": also the CSS modifier
    label: str  # what the button says
    detail: str  # said to screen readers after the label: the number, address or site
    href: str
    external: bool = False


def tel_url(number: str) -> str:
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}" if digits else ""


def route_url(lat: float, lon: float) -> str:
    return settings.ROUTE_URL.format(lat=quote(f"{lat:.6f}"), lon=quote(f"{lon:.6f}"))


def _site_name(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def build(
    *, phone: str = "", email: str = "", website: str = "", places: Iterable[dict] = ()
) -> list[Action]:
    """``places``: public place data (``cms.serializers.place_data``: name, address, town,
    lat, lon), the nearest first."""
    actions = []
    if tel_url(phone):
        actions.append(Action("bel", _("Bel"), phone, tel_url(phone)))
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if located:
        place = located[0]
        parts = (place.get("name"), place.get("address"), place.get("town"))
        where = ", ".join(part for part in parts if part)
        actions.append(
            Action("route", _("Route"), where, route_url(place["lat"], place["lon"]), True)
        )
    if website.startswith(("https://", "http://")):
        actions.append(Action("website", _("Website"), _site_name(website), website, True))
    if email and "@" in email:
        actions.append(Action("mail", _("Mail"), email, f"mailto:{email}"))
    return actions


def for_service(service) -> list[Action]:
    """The action row of a ServicePage (only public fields)."""
    return build(
        phone=service.phone,
        email=service.email,
        website=service.website,
        places=[place_data(p) for p in service.places.all()],
    )
