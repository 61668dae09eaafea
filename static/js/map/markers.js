// Markers, clusters and popups built from DOM nodes with textContent: nothing from the data is
// ever parsed as HTML. Every marker and cluster is a focusable button (Leaflet's `keyboard`).

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

export function markerFor(L, feature, text) {
  const [lon, lat] = feature.geometry.coordinates;
  const props = feature.properties;
  const inner = element("span", "map-pin__inner");
  inner.append(
    element("span", "map-pin__shape"),
    element(
      "span",
      "visually-hidden",
      [props.title, props.place, props.open_now ? text.openNow : ""].filter(Boolean).join(", "),
    ),
  );
  inner.firstChild.setAttribute("aria-hidden", "true");
  const icon = L.divIcon({
    html: inner,
    className: props.open_now ? "map-pin map-pin--open" : "map-pin",
    iconSize: [32, 40],
    iconAnchor: [16, 40],
    popupAnchor: [0, -38],
  });
  const marker = L.marker([lat, lon], { icon, keyboard: true, riseOnHover: true });
  marker.feature = feature;
  marker.bindPopup(() => popupContent(props, text), {
    maxWidth: 280,
    minWidth: 200,
    autoPanPadding: [24, 24],
  });
  return marker;
}

export function popupContent(props, text) {
  const box = element("div", "map-popup");
  const title = element("p", "map-popup__title");
  const link = element("a", "map-popup__link", props.title);
  link.href = props.url;
  title.append(link);
  box.append(title);
  if (props.organisation) box.append(element("p", "map-popup__org", props.organisation));
  box.append(element("p", "", `${props.place}, ${props.address}`));
  if (props.open_now) box.append(element("p", "map-popup__open", text.openNow));
  if (props.next_session) {
    const next = element("p", "");
    next.append(element("strong", "", text.nextSession), ` ${props.next_session}`);
    box.append(next);
  }
  return box;
}

export function clusterIcon(L, cluster, text) {
  const count = cluster.getChildCount();
  const inner = element("span", "map-cluster__inner");
  const number = element("span", "", String(count));
  number.setAttribute("aria-hidden", "true");
  inner.append(number, element("span", "visually-hidden", text.cluster.replace("%(count)s", count)));
  return L.divIcon({ html: inner, className: "map-cluster", iconSize: [44, 44] });
}
