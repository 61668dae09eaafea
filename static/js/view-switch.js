// /kaart/ on a phone: a Lijst / Kaart switch, so the map gets the whole screen when asked
// for. Without JavaScript (or on a wide screen) the list and the map are both shown.
const page = document.querySelector("[data-map-page]");
const switcher = page?.querySelector("[data-view-switch]");

function show(view) {
  page.dataset.view = view;
  for (const button of switcher.querySelectorAll("[data-view]")) {
    button.setAttribute("aria-pressed", String(button.dataset.view === view));
  }
  // Leaflet measures its box on resize; it may have been hidden until now.
  window.dispatchEvent(new Event("resize"));
  if (view === "kaart") switcher.scrollIntoView({ block: "start" });
}

if (page && switcher) {
  switcher.hidden = false;
  page.dataset.view = "lijst";
  switcher.addEventListener("click", (event) => {
    const button = event.target.closest("[data-view]");
    if (button) show(button.dataset.view);
  });
  // "Toon op de kaart" in the list (kaart.js) switches to the map first.
  document.addEventListener("kaart:toon", () => show("kaart"));
}
