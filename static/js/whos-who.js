// "Wie doet wat": filters that apply at once. Without this script the same form is a plain
// GET form and the server hides what does not match, with the same rules as here
// (editorial/whos_who.py): every word must occur in data-zoek, and the theme, legal framework
// and target group must match.
const form = document.querySelector("form[data-whos-who]");

const normalise = (text) =>
  text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/\s+/).filter(Boolean);

function matches(entry, words, choices) {
  const text = entry.dataset.zoek || "";
  if (!words.every((word) => text.includes(word))) return false;
  return Object.entries(choices).every(
    ([name, value]) => !value || (entry.dataset[name] || "").split(" ").includes(value),
  );
}

if (form) {
  const entries = [...document.querySelectorAll("[data-whos-who-entry]")];
  const groups = [...document.querySelectorAll("[data-whos-who-group]")];
  const count = document.querySelector("[data-whos-who-count]");
  const empty = document.querySelector("[data-whos-who-empty]");
  const csv = document.querySelector("[data-whos-who-csv]");
  const submit = form.querySelector("[data-whos-who-submit]");
  const reset = form.querySelector("[data-whos-who-reset]");
  let announce = null;

  const describe = (services, organisations) => {
    const d = count.dataset;
    const service = services === 1 ? d.oneService : d.moreServices;
    const organisation = organisations === 1 ? d.oneOrganisation : d.moreOrganisations;
    return `${services} ${service} ${d.joiner} ${organisations} ${organisation}`;
  };

  const apply = () => {
    const data = new FormData(form);
    const words = normalise(String(data.get("q") || ""));
    const choices = {
      thema: String(data.get("thema") || ""),
      kader: String(data.get("kader") || ""),
      doelgroep: String(data.get("doelgroep") || ""),
    };
    let shown = 0;
    for (const entry of entries) {
      entry.hidden = !matches(entry, words, choices);
      if (!entry.hidden) shown += 1;
    }
    let organisations = 0;
    for (const group of groups) {
      group.hidden = !group.querySelector("[data-whos-who-entry]:not([hidden])");
      if (!group.hidden) organisations += 1;
    }
    empty.hidden = shown > 0;
    // Screen readers hear the count once typing pauses, not after every letter.
    clearTimeout(announce);
    announce = setTimeout(() => {
      count.textContent = describe(shown, organisations);
    }, 400);

    const params = new URLSearchParams();
    for (const [name, value] of data) if (String(value).trim()) params.set(name, String(value).trim());
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
    params.set("formaat", "csv");
    csv.href = `?${params}`;
  };

  submit.hidden = true; // the filters apply at once
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  reset.addEventListener("click", (event) => {
    event.preventDefault();
    form.reset();
    for (const field of form.elements) if ("value" in field && field.type !== "submit") field.value = "";
    apply();
    form.elements.q.focus();
  });
}
