// Small maps: on a wijk page (shown at once) and beside the search results (shown when asked,
// so the results page stays light). The data comes from /api/kaart.geojson with the same
// query as the page, or from a json_script on the page.
import { buildMap } from "./map/build.js";
import { loadLeaflet, readJson } from "./map/loader.js";

async function show(box, button) {
  const container = box.querySelector("[data-minimap-map]");
  const status = box.querySelector("[data-minimap-status]");
  const config = readJson(box.dataset.config);
  if (button) button.disabled = true;
  try {
    const [L, features] = await Promise.all([
      loadLeaflet(config.assets),
      box.dataset.geojsonUrl
        ? fetch(box.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } }).then((r) =>
            r.ok ? r.json() : { type: "FeatureCollection", features: [] },
          )
        : readJson(box.dataset.features),
    ]);
    container.hidden = false;
    const boundary = readJson(box.dataset.boundary);
    buildMap(L, container, config, {
      features,
      boundaries: boundary,
      showBoundaries: Boolean(boundary),
      fitTo: boundary ? "boundaries" : "markers",
    });
    container.dataset.ready = "true";
    button?.remove();
  } catch {
    if (button) button.disabled = false;
    if (status) status.textContent = config.text.loadFailed;
  }
}

for (const box of document.querySelectorAll("[data-minimap]")) {
  box.hidden = false;
  if (box.hasAttribute("data-autoload")) {
    show(box, null);
  } else {
    const button = box.querySelector("[data-minimap-load]");
    button?.addEventListener("click", () => show(box, button), { once: true });
  }
}
