/*
 * Opening-hour exceptions in the page editor: show only the fields that apply to the kind
 * chosen ("gesloten", "andere tijd", "extra spreekuur"). Which fields apply comes from the
 * server (cms.models.schedules.FIELDS_PER_KIND, in #exception-fields-per-kind). Without this
 * script every field is shown and the server checks the input with Dutch messages.
 */
(function () {
  "use strict";

  var config = document.getElementById("exception-fields-per-kind");
  if (!config) return;
  var settings = JSON.parse(config.textContent);
  var perKind = settings.fields;
  var allFields = ["start_time", "end_time", "reason", "place"];
  var KIND_SUFFIX = "-kind";

  function wrapperOf(form, prefix, field) {
    var input = form.querySelector("[name='" + prefix + field + "']");
    if (!input) return null;
    return input.closest("[data-field-wrapper]") || input.closest(".w-field__wrapper");
  }

  function setShown(element, shown) {
    if (!element) return;
    element.hidden = !shown;
  }

  function partToggle(select, prefix) {
    var id = select.id + "-deel";
    var existing = document.getElementById(id + "-label");
    if (existing) return existing;
    var label = document.createElement("label");
    label.id = id + "-label";
    label.className = "exception-part-of-day";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = id;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + settings.partOfDay));
    var row = select.closest(".w-field__wrapper") || select.parentNode;
    row.parentNode.insertBefore(label, row.nextSibling);
    box.addEventListener("change", function () {
      if (!box.checked) {
        ["start_time", "end_time"].forEach(function (field) {
          var input = select.form.querySelector("[name='" + prefix + field + "']");
          if (input) input.value = "";
        });
      }
      update(select);
    });
    return label;
  }

  function update(select) {
    var prefix = select.name.slice(0, -"kind".length);
    var form = select.closest("[data-inline-panel-child]") || select.closest("fieldset") || select.form;
    var kind = select.value;
    var shown = perKind[kind] || [];
    var toggle = null;
    if (kind === "closed") {
      toggle = partToggle(select, prefix);
      var box = toggle.querySelector("input");
      var start = form.querySelector("[name='" + prefix + "start_time']");
      var end = form.querySelector("[name='" + prefix + "end_time']");
      if ((start && start.value) || (end && end.value)) box.checked = true;
      if (!box.checked) shown = shown.filter(function (f) { return f !== "start_time" && f !== "end_time"; });
    }
    setShown(document.getElementById(select.id + "-deel-label"), kind === "closed");
    allFields.forEach(function (field) {
      setShown(wrapperOf(form, prefix, field), shown.indexOf(field) !== -1);
    });
  }

  function isKindSelect(element) {
    return element && element.tagName === "SELECT" && /^schedule_exceptions-\d+-kind$/.test(element.name);
  }

  function scan(root) {
    root.querySelectorAll("select[name$='" + KIND_SUFFIX + "']").forEach(function (select) {
      if (isKindSelect(select)) update(select);
    });
  }

  document.addEventListener("change", function (event) {
    if (isKindSelect(event.target)) update(event.target);
  });
  document.addEventListener("w-formset:added", function (event) { scan(event.target); });
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType === 1) scan(node);
      });
    });
  }).observe(document.body, { childList: true, subtree: true });
  scan(document);
})();
