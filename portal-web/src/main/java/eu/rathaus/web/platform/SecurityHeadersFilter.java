package eu.rathaus.web.platform;

import eu.rathaus.platform.Settings;
import eu.rathaus.web.session.PortalUrls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Security headers on every response. The content security policy allows the portal's own origin
 * only, so no page can load anything from a third party (a sovereignty promise, not only hygiene),
 * and no inline script runs unless the portal itself wrote it: every response gets a fresh random
 * nonce (128 bits), sent in the one {@code script-src} of the policy and kept as the request
 * attribute {@link #NONCE_ATTRIBUTE}, from where {@link NonceResponseWriter} puts it on every
 * {@code <script>} element Faces renders. PrimeFaces runs in {@code primefaces.CSP=policyProvided}
 * mode (web.xml): it moves its event handlers into script blocks but neither sends a second header
 * nor checks a nonce on postbacks — a second header would be enforced next to this one, and the
 * postback check answers plain forms (no JavaScript) with an error. The nonce is per response, not
 * per view, so an attacker who sees one page's nonce cannot reuse it on another response.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Request attribute holding this response's script nonce (base64). */
  public static final String NONCE_ATTRIBUTE = "eu.rathaus.web.cspNonce";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The policy; {@value #NONCE_SLOT} is replaced by each response's nonce. */
  static final String NONCE_SLOT = "{nonce}";

  static final String POLICY =
      "default-src 'self'; script-src 'self' 'nonce-"
          + NONCE_SLOT
          + "'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /**
   * The policy with the hosted payment page's origin added to {@code form-action}: "Online
   * bezahlen" is a form post the portal answers with a redirect to the provider, and browsers check
   * form-action on redirects too. Only that one origin, from {@code PAYMENT_PROVIDER_PAGE_URL}.
   * Likewise the identity provider's origin: "Abmelden" is a form post (issue 10) answered with a
   * redirect to Keycloak's end-session endpoint.
   */
  static final String EFFECTIVE_POLICY =
      withFormTarget(
          withFormTarget(POLICY, providerOrigin()), originOf(PortalUrls.oidcProviderUrl()));

  /**
   * A fresh nonce: 16 random bytes (128 bits), base64 — only characters a CSP nonce source allows.
   */
  static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The effective policy with this response's nonce. */
  static String policyWith(String nonce) {
    return EFFECTIVE_POLICY.replace(NONCE_SLOT, nonce);
  }

  static String withFormTarget(String policy, String origin) {
    return origin == null
        ? policy
        : policy.replace("form-action 'self'", "form-action 'self' " + origin);
  }

  static String providerOrigin() {
    return originOf(Settings.text("PAYMENT_PROVIDER_PAGE_URL", null));
  }

  /** scheme://host[:port] of an http(s) URL; null for anything else. */
  static String originOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      java.net.URI uri = java.net.URI.create(url.strip());
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return null;
      }
      return uri.getScheme()
          + "://"
          + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String nonce = newNonce();
    request.setAttribute(NONCE_ATTRIBUTE, nonce);
    response.setHeader("Content-Security-Policy", policyWith(nonce));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    chain.doFilter(request, response);
  }
}
