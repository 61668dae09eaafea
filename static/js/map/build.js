// Builds one accessible Leaflet map: tiles from settings (optional: without a tile server the
// markers and boundaries still show), clustered markers, wijk boundaries and keyboard support.
import { clusterIcon, markerFor } from "./markers.js";

const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function boundaryLayer(L, collection) {
  return L.geoJSON(collection, {
    interactive: false,
    style: { color: "#003a78", weight: 3, dashArray: "6 4", fillColor: "#003a78", fillOpacity: 0.06 },
  });
}

function keyboardSupport(map, container, text) {
  container.addEventListener("keydown", (event) => {
    const target = event.target;
    // Leaflet makes markers role="button" and opens them with Enter; Space should work too.
    if (event.key === " " && target.classList?.contains("leaflet-marker-icon")) {
      event.preventDefault();
      target.click();
    }
    if (event.key === "Escape" && map._popup?.isOpen()) {
      event.preventDefault();
      const source = map._popup._source;
      map.closePopup();
      source?.getElement?.()?.focus();
    }
  });
  map.on("popupopen", (event) => {
    const popup = event.popup.getElement();
    popup?.querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", text.close);
    // Opened from the keyboard: move focus into the popup, to its link.
    if (container.contains(document.activeElement) && document.activeElement !== container) {
      popup?.querySelector(".map-popup__link")?.focus({ preventScroll: true });
    }
  });
}

export function buildMap(L, container, config, data = {}) {
  const animate = !reducedMotion();
  const text = config.text;
  const map = L.map(container, {
    zoomControl: false,
    attributionControl: false,
    minZoom: config.minZoom,
    maxZoom: config.maxZoom,
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
  });
  L.control.zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut }).addTo(map);
  L.control.attribution({ prefix: config.prefix }).addTo(map);
  L.tileLayer(config.tiles.url, {
    attribution: config.tiles.attribution,
    maxZoom: config.tiles.maxZoom,
  }).addTo(map);

  const clusters = L.markerClusterGroup({
    animate,
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    spiderfyDistanceMultiplier: 1.6,
    iconCreateFunction: (cluster) => clusterIcon(L, cluster, text),
  });
  const markers = new Map();
  for (const feature of data.features?.features ?? []) {
    const marker = markerFor(L, feature, text);
    clusters.addLayer(marker);
    const slug = feature.properties.slug;
    if (!markers.has(slug)) markers.set(slug, marker);
  }
  map.addLayer(clusters);

  const boundaries = data.boundaries ? boundaryLayer(L, data.boundaries) : null;
  if (boundaries && data.showBoundaries) boundaries.addTo(map);
  if (config.origin) {
    L.circleMarker(config.origin, {
      radius: 9,
      color: "#1a1a1a",
      weight: 3,
      fillColor: "#ffd33d",
      fillOpacity: 1,
      interactive: false,
    }).addTo(map);
  }

  // After opening a cluster (zoom or spread out), continue at the first marker inside it.
  const continueInside = (event) => {
    if (event.type === "clusterkeypress" && event.originalEvent?.keyCode !== 13) return;
    const first = event.layer.getAllChildMarkers()[0];
    const done = () => {
      clusters.off("animationend spiderfied", done);
      clearTimeout(timer);
      const visible = clusters.getVisibleParent(first) || first;
      visible.getElement?.()?.focus({ preventScroll: true });
    };
    const timer = setTimeout(() => clusters.off("animationend spiderfied", done), 2000);
    clusters.on("animationend spiderfied", done);
  };
  clusters.on("clusterkeypress clusterclick", continueInside);

  keyboardSupport(map, container, text);
  fitView(L, map, config, clusters, data.fitTo === "boundaries" ? boundaries : null);

  return {
    map,
    markers,
    setBoundaries(show) {
      if (!boundaries) return;
      if (show) boundaries.addTo(map);
      else boundaries.remove();
    },
    show(slug) {
      const marker = markers.get(slug);
      if (!marker) return false;
      clusters.zoomToShowLayer(marker, () => {
        marker.openPopup();
        marker.getElement()?.focus();
        marker.getPopup()?.getElement()?.querySelector(".map-popup__link")?.focus();
      });
      return true;
    },
  };
}

function fitView(L, map, config, clusters, boundaries) {
  const bounds = boundaries ? boundaries.getBounds() : clusters.getBounds();
  if (config.origin) bounds.extend(config.origin);
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
  } else {
    map.setView(config.center, config.zoom, { animate: false });
  }
}
