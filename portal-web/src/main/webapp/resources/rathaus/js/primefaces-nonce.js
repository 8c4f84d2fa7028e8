/*
 * Hands the page's CSP nonce to PrimeFaces. The portal runs PrimeFaces with
 * primefaces.CSP=policyProvided: the nonce comes from the portal's own policy header
 * (SecurityHeadersFilter) and is on this script element (NonceResponseWriter). PrimeFaces evaluates
 * the scripts of AJAX updates with PrimeFaces.csp.NONCE_VALUE (PrimeFaces.csp.eval, via jQuery's
 * globalEval with a nonce), so without this call a paginated table's update scripts would be blocked.
 * The nonce is read at once: browsers hide it from the DOM after the script has loaded.
 */
(function () {
  var script = document.currentScript;
  var nonce = script ? (script.nonce || script.getAttribute('nonce')) : null;
  function init() {
    if (nonce && window.PrimeFaces && PrimeFaces.csp) {
      PrimeFaces.csp.init(nonce);
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
