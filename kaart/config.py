"""What the map's JavaScript needs to know, from settings: tiles, view, assets and texts.

Everything reaches the browser as JSON (``json_script``), so no inline script is needed and
a strict Content-Security-Policy stays possible.
"""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _

LEAFLET_PREFIX = '<a href="https://leafletjs.com">Leaflet</a>'


def texts() -> dict[str, str]:
    return {
        "zoomIn": _("Inzoomen"),
        "zoomOut": _("Uitzoomen"),
        "close": _("Sluiten"),
        "nextSession": _("Volgende keer:"),
        "openNow": _("Nu open"),
        "cluster": _("%(count)s plekken. Druk op Enter om in te zoomen."),
        "origin": _("Uw postcode of locatie"),
        "showOnMap": _("Toon op de kaart"),
        "loadFailed": _("De kaart kon niet laden. Gebruik de lijst."),
    }


def map_config(origin=None) -> dict:
    leaflet = getattr(settings, "LEAFLET_CONFIG", {})
    centre = leaflet.get("DEFAULT_CENTER", (52.2375, 4.8170))
    max_zoom = int(settings.MAP_MAX_ZOOM)
    return {
        "tiles": {
            "url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "maxZoom": max_zoom,
        },
        "center": [float(centre[0]), float(centre[1])],
        "zoom": int(leaflet.get("DEFAULT_ZOOM", 14)),
        "minZoom": int(leaflet.get("MIN_ZOOM", 11)),
        "maxZoom": max_zoom,
        "prefix": LEAFLET_PREFIX,
        "origin": [origin.lat, origin.lon] if origin is not None else None,
        "assets": {
            "leafletJs": static("leaflet/leaflet.js"),
            "leafletCss": static("leaflet/leaflet.css"),
            "clusterJs": static("vendor/markercluster/leaflet.markercluster.js"),
            "clusterCss": static("vendor/markercluster/MarkerCluster.css"),
            "mapCss": static("css/map.css"),
        },
        "text": texts(),
    }
