// Turns each <select multiple data-multiselect> into a Tom Select box: every chosen value
// is shown, with a button to remove it, and typing filters the options. Without this script
// the select stays a plain multiple select that shows several rows (see core/widgets.py).
(function () {
  "use strict";

  function enhance(root) {
    if (typeof TomSelect === "undefined") return;
    root.querySelectorAll("select[data-multiselect]").forEach(function (select) {
      if (select.tomselect) return;
      var noResults = select.dataset.noResults || "";
      var control = new TomSelect(select, {
        plugins: { remove_button: { title: select.dataset.removeLabel || "" } },
        maxOptions: null,
        hidePlaceholder: true,
        closeAfterSelect: false,
        render: {
          no_results: function () {
            var div = document.createElement("div");
            div.className = "no-results";
            div.textContent = noResults;
            return div;
          },
        },
      });
      // Tom Select moves the label to its own input; the hidden original keeps a name too.
      var label = document.getElementById(control.inputId + "-ts-label");
      if (label) select.setAttribute("aria-labelledby", label.id);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
  });
  // Forms that htmx swaps in (the notes panel, the partner filter) get the same treatment.
  document.addEventListener("htmx:load", function (event) {
    enhance(event.target);
  });
})();
