"""The map data embedded in /kaart/, kept small: the page is one download on a phone.

The GeoJSON of ``features`` (also /api/kaart.geojson) repeats a service's title, link and
opening for each of its places and carries fields only the API needs. The page embeds each
service once and each place as a short row; static/js/map/compact.js turns it back into the
GeoJSON features the map draws. Coordinates keep 5 decimals (about 1 metre).
"""

from __future__ import annotations

DECIMALS = 5
SERVICE_FIELDS = ("slug", "title", "url", "organisation", "open_now", "next_session")


def _round(coordinates):
    if isinstance(coordinates, (int, float)):
        return round(coordinates, DECIMALS)
    return [_round(part) for part in coordinates]


def compact_places(collection: dict) -> dict:
    """{"services": [{slug, title, …}], "places": [[service index, lon, lat, place, address]]}
    from a FeatureCollection of ``features.results_collection``, in the same order."""
    services: list[dict] = []
    index: dict[str, int] = {}
    places = []
    for feature in collection["features"]:
        properties = feature["properties"]
        slug = properties["slug"]
        if slug not in index:
            index[slug] = len(services)
            services.append({field: properties[field] for field in SERVICE_FIELDS})
        lon, lat = _round(feature["geometry"]["coordinates"])
        places.append([index[slug], lon, lat, properties["place"], properties["address"]])
    return {"services": services, "places": places}


def compact_boundaries(collection: dict) -> dict:
    """The wijk boundaries as the map draws them: shapes only (they are not clickable)."""
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": feature["geometry"]["type"],
                "coordinates": _round(feature["geometry"]["coordinates"]),
            },
            "properties": {},
        }
        for feature in collection["features"]
    ]
    return {"type": "FeatureCollection", "features": features}
