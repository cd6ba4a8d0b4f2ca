/* A sign that something is working, on every page (no inline script: the
   Content-Security-Policy forbids it).
   - A submitted form's buttons are disabled and marked aria-busy (Pico draws a
     spinner), so nobody clicks twice; a form that only downloads a file leaves
     the page as it is, so its buttons come back after a while.
   - A download link is marked busy for a moment, the same way.
   - An htmx request marks the element that made it busy until the answer.
   - After a refused form, the first field in error takes the focus, so a
     screen reader reads its label and its error (aria-describedby). */
(function () {
  "use strict";
  var RESTORE_AFTER_MS = 8000;
  var DOWNLOAD = /\.(pdf|docx|xlsx|csv|txt)(\?|$)|\/(print|export)\//;

  function busy(element, on) {
    if (on) {
      element.setAttribute("aria-busy", "true");
    } else {
      element.removeAttribute("aria-busy");
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.hasAttribute("data-no-busy")) return;
    if (form.matches("[hx-get], [hx-post], [data-hx-get], [data-hx-post]")) return;
    var buttons = form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]");
    var clicked = event.submitter;
    // After the event the browser has already gathered the form's data, with
    // the clicked button's name and value: disabling it now loses nothing.
    window.setTimeout(function () {
      buttons.forEach(function (button) {
        button.disabled = true;
      });
      form.setAttribute("aria-busy", "true");
      if (clicked) busy(clicked, true);
    }, 0);
    window.setTimeout(function () {
      buttons.forEach(function (button) {
        button.disabled = false;
        busy(button, false);
      });
      form.removeAttribute("aria-busy");
    }, RESTORE_AFTER_MS);
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || !(link.hasAttribute("download") || DOWNLOAD.test(link.getAttribute("href")))) return;
    busy(link, true);
    window.setTimeout(function () { busy(link, false); }, RESTORE_AFTER_MS / 2);
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    busy(event.detail.elt, true);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    busy(event.detail.elt, false);
  });

  // Coming back with the browser's Back button shows the page as it was left.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("[aria-busy=true]").forEach(function (element) {
      busy(element, false);
      element.querySelectorAll("button:disabled").forEach(function (button) { button.disabled = false; });
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector("main [aria-invalid=true]");
    if (invalid) invalid.focus();
  });
})();
