package eu.rathaus.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. The content security policy allows the portal's own origin
 * only, so no page can load anything from a third party (a sovereignty promise, not only hygiene),
 * and no inline script runs: the pages work as plain HTML forms. (PrimeFaces still writes a small
 * settings script into every head; it is blocked and unused until a page needs PrimeFaces widgets,
 * which will come with PrimeFaces' nonce-based CSP mode.)
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /**
   * The policy with the hosted payment page's origin added to {@code form-action}: "Online bezahlen"
   * is a form post the portal answers with a redirect to the provider, and browsers check form-action
   * on redirects too. Only that one origin, from {@code PAYMENT_PROVIDER_PAGE_URL}.
   */
  static final String EFFECTIVE_POLICY = withFormTarget(POLICY, providerOrigin());

  static String withFormTarget(String policy, String origin) {
    return origin == null ? policy : policy.replace("form-action 'self';", "form-action 'self' " + origin + ";");
  }

  static String providerOrigin() {
    String url = System.getProperty("PAYMENT_PROVIDER_PAGE_URL");
    if (url == null || url.isBlank()) {
      url = System.getenv("PAYMENT_PROVIDER_PAGE_URL");
    }
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      java.net.URI uri = java.net.URI.create(url.strip());
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return null;
      }
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", EFFECTIVE_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    chain.doFilter(request, response);
  }
}
