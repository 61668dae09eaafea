// Loads Leaflet (django-leaflet's static copy) and leaflet.markercluster (our npm copy) once,
// only when a map is really shown. Pages that always show a map include the scripts with
// `defer`; then this finds them already loaded.
const pending = new Map();

function addOnce(tag, attributes) {
  const key = attributes.src || attributes.href;
  if (!pending.has(key)) {
    pending.set(
      key,
      new Promise((resolve, reject) => {
        const element = Object.assign(document.createElement(tag), attributes);
        element.addEventListener("load", resolve, { once: true });
        element.addEventListener("error", () => reject(new Error(`Not loaded: ${key}`)), {
          once: true,
        });
        document.head.append(element);
      }),
    );
  }
  return pending.get(key);
}

function stylesheet(href) {
  if (!href || document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) {
    return Promise.resolve();
  }
  return addOnce("link", { rel: "stylesheet", href });
}

export async function loadLeaflet(assets) {
  const styles = Promise.all([assets.leafletCss, assets.clusterCss, assets.mapCss].map(stylesheet));
  if (!window.L) await addOnce("script", { src: assets.leafletJs });
  if (!window.L.MarkerClusterGroup) await addOnce("script", { src: assets.clusterJs });
  await styles;
  return window.L;
}

export function readJson(id) {
  const element = id && document.getElementById(id);
  return element ? JSON.parse(element.textContent) : null;
}
