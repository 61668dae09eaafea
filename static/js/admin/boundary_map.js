/*
 * The wijk boundary as a map in the admin (cms/boundary_map.py). Editable for Beheer gemeente
 * with leaflet-geoman (draw, edit, remove); read-only for everyone else. The editable map
 * writes the GeoJSON into the form's text box, which is hidden once the map works; the server
 * validates it and stores it with the RFC 7946 winding order.
 */
(function () {
  "use strict";

  function parse(text) {
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch (error) {
      return null;
    }
  }

  function toGeometry(group) {
    var polygons = [];
    group.eachLayer(function (layer) {
      if (!layer.toGeoJSON) return;
      var geometry = layer.toGeoJSON(7).geometry;
      if (geometry.type === "Polygon") polygons.push(geometry.coordinates);
      else if (geometry.type === "MultiPolygon") polygons.push.apply(polygons, geometry.coordinates);
    });
    if (!polygons.length) return "";
    return JSON.stringify(
      polygons.length === 1
        ? { type: "Polygon", coordinates: polygons[0] }
        : { type: "MultiPolygon", coordinates: polygons }
    );
  }

  function setUp(root) {
    if (root.dataset.ready || !window.L) return;
    var element = root.querySelector(".boundary-map__map");
    if (!element) return;
    root.dataset.ready = "true";
    var settings = parse(root.dataset.settings) || {};
    var editable = root.dataset.editable === "true";
    var input = editable ? document.getElementById(root.dataset.input) : null;
    var geometry = parse(input ? input.value : root.dataset.geojson);

    var map = L.map(element, { maxZoom: settings.maxZoom || 19 });
    if (settings.tileUrl) {
      L.tileLayer(settings.tileUrl, { attribution: settings.attribution || "" }).addTo(map);
    }
    var group = L.featureGroup().addTo(map);
    if (geometry) {
      L.geoJSON(geometry, { style: { color: "#0b5c8e", weight: 3 } }).eachLayer(function (layer) {
        group.addLayer(layer);
      });
    }
    if (group.getLayers().length) map.fitBounds(group.getBounds(), { padding: [20, 20] });
    else map.setView(settings.center || [52.2375, 4.817], settings.zoom || 14);

    root.classList.add("boundary-map--ready");
    if (!editable || !map.pm) {
      if (map.pm) map.pm.disableGlobalEditMode();
      group.eachLayer(function (layer) { layer.options.pmIgnore = true; });
      return;
    }

    map.pm.setLang("nl");
    map.pm.addControls({
      position: "topleft",
      drawMarker: false,
      drawCircleMarker: false,
      drawPolyline: false,
      drawRectangle: false,
      drawCircle: false,
      drawText: false,
      cutPolygon: false,
      rotateMode: false,
      dragMode: false,
      drawPolygon: true,
      editMode: true,
      removalMode: true,
    });
    function sync() {
      input.value = toGeometry(group);
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function watch(layer) {
      layer.on("pm:edit pm:update", sync);
    }
    group.eachLayer(watch);
    map.on("pm:create", function (event) {
      group.addLayer(event.layer);
      watch(event.layer);
      sync();
    });
    map.on("pm:remove", function (event) {
      group.removeLayer(event.layer);
      sync();
    });
  }

  function scan() {
    document.querySelectorAll("[data-boundary-map]").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
