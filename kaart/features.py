"""Search results and wijk boundaries as GeoJSON for the map.

The map never searches by itself: it is given the typed results of ``search.query.run`` and
adds where the services take place, from the results themselves (no second query). One
point per place of each service found, so a service at two addresses has two markers.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from agenda import schedules
from cms.templatetags.site_tags import day_label
from places import geo


def session_label(session) -> str:
    """'Donderdag 5 december, van 09:00 tot 12:00 uur' for a search NextSession."""
    if session is None:
        return ""
    start = session.start.astimezone(schedules.TIMEZONE)
    end = session.end.astimezone(schedules.TIMEZONE)
    return _("%(day)s, van %(start)s tot %(end)s uur") % {
        "day": day_label(start),
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
    }


def _feature(item, place: dict, rank: int) -> dict:
    organisation = item.organisation or {}
    return {
        "type": "Feature",
        "id": f"{item.slug}/{place['slug']}",
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": {
            "slug": item.slug,
            "title": item.title,
            "url": item.url,
            "organisation": organisation.get("name", ""),
            "place": place["name"],
            "address": f"{place['address']}, {place['town']}",
            "open_now": item.open_now if item.has_schedule else None,
            "next_session": session_label(item.next_session),
            "distance_m": item.distance_m,
            "rank": rank,
        },
    }


def results_collection(results) -> dict:
    """A FeatureCollection with a point for every place of every result, in result order."""
    features = [
        _feature(item, place, rank)
        for rank, item in enumerate(results, start=1)
        for place in item.locations
        if place.get("lat") is not None and place.get("lon") is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def wijken_collection(wijken=None) -> dict:
    """The boundaries of the live, public wijken (or of the given ones): each wijk once, named
    and linked in the active language when it is translated."""
    if wijken is None:
        from cms.models import WijkPage
        from cms.translations import localized, source_pages

        every_language = WijkPage.objects.live().public()
        wijken = localized(source_pages(every_language).order_by("title"), every_language)
    features = [
        {
            "type": "Feature",
            "id": wijk.slug,
            "geometry": geo.rewind(wijk.boundary),
            "properties": {"slug": wijk.slug, "name": wijk.title, "url": wijk.url},
        }
        for wijk in wijken
        if wijk.boundary
    ]
    return {"type": "FeatureCollection", "features": features}
