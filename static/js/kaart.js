// The /kaart/ page: the map beside the list. Both come from the same search (the URL holds
// the state), so this only draws what the server already listed. Leaflet is loaded only when
// the map is in view: beside the list on a wide screen, after "Kaart" on a phone (where the
// server-rendered list is the first screen and needs no map script at all); the map's own
// modules load together with Leaflet.
import { loadLeaflet, readJson } from "./map/loader.js";

const container = document.querySelector("[data-map]");

async function start() {
  const config = readJson(container.dataset.config);
  const boundariesToggle = document.querySelector("[data-map-boundaries]");
  let L, buildMap, placesCollection;
  try {
    [L, { buildMap }, { placesCollection }] = await Promise.all([
      loadLeaflet(config.assets),
      import("./map/build.js"),
      import("./map/compact.js"),
    ]);
  } catch {
    container.hidden = true;
    return;
  }
  const view = buildMap(L, container, config, {
    features: placesCollection(readJson(container.dataset.features)),
    boundaries: readJson(container.dataset.boundaries),
    showBoundaries: boundariesToggle?.checked,
  });
  container.dataset.ready = "true";

  if (boundariesToggle) {
    boundariesToggle.closest("[data-map-tools]").hidden = false;
    boundariesToggle.addEventListener("change", () => view.setBoundaries(boundariesToggle.checked));
  }

  // Each list item with a place gets a button that shows it on the map.
  for (const item of document.querySelectorAll("[data-map-item]")) {
    if (!view.markers.has(item.dataset.mapItem)) continue;
    const button = Object.assign(document.createElement("button"), {
      type: "button",
      className: "button button--secondary button--small",
      textContent: config.text.showOnMap,
    });
    const title = item.querySelector("h3, .card__title");
    if (title) {
      title.id ||= `titel-${item.dataset.mapItem}`;
      button.id = `toon-${item.dataset.mapItem}`;
      button.setAttribute("aria-labelledby", `${button.id} ${title.id}`);
    }
    button.addEventListener("click", () => {
      document.dispatchEvent(new CustomEvent("kaart:toon"));
      container.scrollIntoView({ block: "nearest" });
      view.show(item.dataset.mapItem);
    });
    (item.querySelector(".card") || item).append(button);
  }
}

function whenInView(element, callback) {
  if (!("IntersectionObserver" in window)) {
    callback();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      callback();
    },
    { rootMargin: "200px" },
  );
  observer.observe(element);
}

if (container) {
  container.hidden = false; // its box is reserved by the CSS, so nothing shifts when it draws
  whenInView(container, start);
}
