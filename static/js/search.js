// Suggestions while typing, as an enhancement: the search form works fine without this.
// Fills the <datalist> linked to the search field with /api/suggesties/ answers.
const field = document.querySelector('input[type="search"][list]');
const list = field && document.getElementById(field.getAttribute("list"));

if (field && list && "fetch" in window) {
  let timer = null;
  let controller = null;
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = field.value.trim();
      if (text.length < 2) {
        list.replaceChildren();
        return;
      }
      controller?.abort();
      controller = new AbortController();
      try {
        const url = `/api/suggesties/?q=${encodeURIComponent(text)}`;
        const response = await fetch(url, { signal: controller.signal });
        if (!response.ok) return;
        const { suggestions } = await response.json();
        list.replaceChildren(
          ...suggestions.map((text) => Object.assign(document.createElement("option"), { value: text })),
        );
      } catch {
        // Aborted or offline: keep the form as it is.
      }
    }, 200);
  });
}

