// "Gebruik mijn locatie": opt-in, with the browser's own geolocation. The position goes into
// the search URL (rounded to about 100 metres) and nowhere else; nothing is stored.
const button = document.querySelector("[data-geolocate]");

if (button && "geolocation" in navigator) {
  const form = button.form;
  const status = form.querySelector("[data-geolocate-status]");
  const note = form.querySelector("[data-geolocate-note]");
  button.hidden = false;
  if (note) note.hidden = false;
  button.addEventListener("click", () => {
    status.textContent = button.dataset.searching;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const data = new FormData(form);
        data.delete("postcode");
        data.set("lat", position.coords.latitude.toFixed(3));
        data.set("lon", position.coords.longitude.toFixed(3));
        const url = new URL(form.action, window.location.href);
        url.search = new URLSearchParams(data).toString();
        window.location.assign(url);
      },
      (error) => {
        status.textContent = error.code === 1 ? button.dataset.denied : button.dataset.failed;
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  });
}
