package eu.rathaus.web.session;

import jakarta.servlet.http.HttpServletRequest;

/** Addresses the portal needs to build redirects; configured by environment, see README. */
public final class PortalUrls {

  private PortalUrls() {}

  public static String oidcProviderUrl() {
    return setting("OIDC_PROVIDER_URL", "http://localhost:8180/realms/rathaus");
  }

  /** PORTAL_BASE_URL when set (behind a proxy), else the address the request came in on. */
  public static String baseUrl(HttpServletRequest request) {
    String configured = setting("PORTAL_BASE_URL", null);
    if (configured != null) {
      return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
