// Landfall: the little htmx cannot do. Pages work without it; this only adds conveniences.
(function () {
  "use strict";
  function enhance(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) {
      if (!navigator.clipboard || button.dataset.copyReady) { return; }
      button.dataset.copyReady = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.copy).then(function () {
          var label = button.querySelector("[data-label]");
          var done = button.dataset.copied;
          if (label && done) {
            var before = label.textContent;
            label.textContent = done;
            setTimeout(function () { label.textContent = before; }, 2000);
          }
        });
      });
    });
  }
  // a photo larger than the server takes is named before the form is sent: a big upload would
  // otherwise travel in full only to be refused (the server checks again either way)
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) { return; }
    var max = Number(input.dataset.maxBytes);
    var tooLarge = Array.prototype.some.call(input.files, function (file) { return file.size > max; });
    input.setCustomValidity(tooLarge ? input.dataset.tooLarge : "");
    if (tooLarge) { input.reportValidity(); }
  });
  // the branding editor: a colour picker and its #rrggbb field say the same thing (the field is what
  // the form sends; without JavaScript people type the colour)
  document.addEventListener("input", function (event) {
    var el = event.target;
    if (!el.matches) { return; }
    if (el.matches("input[type=color][data-colour-for]")) {
      var field = document.getElementById(el.dataset.colourFor);
      if (field) {
        field.value = el.value;
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    } else if (el.matches("input[type=text]") && /^#[0-9a-fA-F]{6}$/.test(el.value)) {
      var picker = document.getElementById(el.id + "-picker");
      if (picker && picker.type === "color") { picker.value = el.value.toLowerCase(); }
    }
  });
  // a list with bulk actions says how many rows are ticked ("3 selected") next to its buttons
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[type=checkbox]") || !box.form) { return; }
    var count = box.form.querySelector("[data-selected-count='" + box.name + "']");
    if (!count) { return; }
    var n = box.form.querySelectorAll("input[type=checkbox][name='" + box.name + "']:checked").length;
    count.textContent = n + " selected";
    count.hidden = false;
  });
  // the admin's menus are <details> (they open and close without JavaScript); this adds what people
  // expect of a menu: Escape closes it and gives focus back to its button, a click elsewhere closes it
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("details[data-menu][open]") : null;
    open = open || document.querySelector("details[data-menu][open]");
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.open = false; }
    });
  });
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
