// Print buttons: only useful with JavaScript, so they are hidden until this runs.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
