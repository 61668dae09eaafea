"""The wijk boundary in the admin as a map, never as raw GeoJSON for volunteers.

- `BoundaryMapWidget`: for who may draw (permission `cms.change_wijk_boundary`, Beheer
  gemeente): a Leaflet map with leaflet-geoman's drawing tools. The GeoJSON stays in a text
  box that the script hides and keeps up to date; without JavaScript the box is the fallback.
- `BoundaryMapPanel`: for everyone else (the Redactie): the same map, read-only, no text box.

Leaflet comes from django-leaflet's static files, leaflet-geoman from npm (static/vendor).
"""

import json

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

BOUNDARY_PERMISSION = "cms.change_wijk_boundary"


def _media() -> forms.Media:
    return forms.Media(
        css={
            "all": [
                "leaflet/leaflet.css",
                "vendor/geoman/leaflet-geoman.css",
                "css/admin/boundary_map.css",
            ]
        },
        js=[
            "leaflet/leaflet.js",
            "vendor/geoman/leaflet-geoman.min.js",
            "js/admin/boundary_map.js",
        ],
    )


def map_settings() -> str:
    """Centre, zoom and tiles of the public map, as JSON for a data- attribute."""
    config = settings.LEAFLET_CONFIG
    tiles = config["TILES"][0]
    return json.dumps(
        {
            "center": list(config["DEFAULT_CENTER"]),
            "zoom": config["DEFAULT_ZOOM"],
            "tileUrl": tiles[1],
            "attribution": tiles[2].get("attribution", ""),
            "maxZoom": config["MAX_ZOOM"],
        }
    )


class BoundaryMapWidget(forms.Textarea):
    # In the app folder: form widgets are found by the form renderer, which reads app templates.
    template_name = "cms/widgets/boundary_map.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 6, "class": "boundary-map__text", **(attrs or {})})

    def format_value(self, value):
        if value in (None, ""):
            return ""
        if isinstance(value, str):
            return value
        return json.dumps(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["map_settings"] = map_settings()
        return context

    @property
    def media(self):
        return _media()


class BoundaryMapPanel(Panel):
    """Read-only map of `WijkPage.boundary`, shown to users who may not draw it."""

    def __init__(self, field_name="boundary", **kwargs):
        kwargs.setdefault("heading", _("Grens van de wijk"))
        super().__init__(**kwargs)
        self.field_name = field_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "field_name": self.field_name}

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/boundary_map_readonly.html"

        def is_shown(self):
            return not self.request.user.has_perm(BOUNDARY_PERMISSION)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            boundary = getattr(self.instance, self.panel.field_name, None)
            context["boundary"] = json.dumps(boundary) if boundary else ""
            context["map_settings"] = map_settings()
            return context

        @property
        def media(self):
            return _media()
