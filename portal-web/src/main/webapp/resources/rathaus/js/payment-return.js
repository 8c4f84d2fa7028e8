/*
 * The payment outcome page while the provider's confirmation is on its way ("Zahlung wird
 * geprüft"): fetches the same page again every two seconds and shows the new state in place, so
 * the citizen need not press "Zahlungsstand aktualisieren" — that link stays for browsers without
 * JavaScript. The outcome keeps its role="status", so screen readers announce the change. Stops as
 * soon as the outcome is no longer "checking", and after two minutes at the latest.
 */
(function () {
  "use strict";
  var INTERVAL_MS = 2000;
  var MAX_TRIES = 60;
  var tries = 0;

  function outcome(doc) {
    var element = doc.getElementById("return-outcome");
    return element ? element.getAttribute("data-outcome") : null;
  }

  function replaceContent(page, id) {
    var shown = document.getElementById(id);
    var fresh = page.getElementById(id);
    if (!shown || !fresh) {
      return;
    }
    var children = [];
    fresh.childNodes.forEach(function (child) {
      children.push(document.importNode(child, true));
    });
    shown.replaceChildren.apply(shown, children);
    if (fresh.hasAttribute("data-outcome")) {
      shown.setAttribute("data-outcome", fresh.getAttribute("data-outcome"));
    }
  }

  function poll() {
    var link = document.getElementById("return-refresh");
    if (outcome(document) !== "CHECKING" || !link || tries++ >= MAX_TRIES) {
      return;
    }
    fetch(link.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          replaceContent(page, "return-outcome");
          replaceContent(page, "return-live");
        }
        window.setTimeout(poll, INTERVAL_MS);
      })
      .catch(function () {
        window.setTimeout(poll, INTERVAL_MS);
      });
  }

  window.setTimeout(poll, INTERVAL_MS);
})();
