package eu.rathaus.web.platform;

import eu.rathaus.platform.RuntimeMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers users never see (issue 10), next to {@link SecurityHeadersFilter}'s policy headers:
 *
 * <ul>
 *   <li>{@code Cache-Control: no-store} on every response to a signed-in person and on every page
 *       of the signed-in areas, so a citizen's applications or a clerk's inbox stay out of shared
 *       and browser caches (the back button on a library computer after sign-out shows nothing).
 *       Public pages to visitors stay cacheable (ARCHITECTURE: "public pages are stateless").
 *   <li>{@code Strict-Transport-Security} in production only: the demo runs on plain {@code
 *       http://localhost}, where the header would be meaningless at best.
 * </ul>
 *
 * The person is known before this filter runs: the container authenticates (or restores the OIDC
 * session) before any filter, so {@code getUserPrincipal()} is set on every page once signed in.
 */
@WebFilter(urlPatterns = "/*")
public class PrivateResponseFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** One year, subdomains included: the portal's host serves nothing that may fall back to http. */
  static final String HSTS = "max-age=31536000; includeSubDomains";

  /** Areas that only signed-in people reach; never cached, even for a request without a session. */
  private static final String[] PRIVATE_AREAS = {
    "/citizen/", "/office/", "/municipal/", "/admin/", "/login", "/signin", "/signout", "/stepup"
  };

  private final boolean production;

  public PrivateResponseFilter() {
    this(RuntimeMode.current());
  }

  PrivateResponseFilter(RuntimeMode mode) {
    this.production = !mode.isDemo();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isPrivate(request)) {
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
    }
    if (production) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, response);
  }

  static boolean isPrivate(HttpServletRequest request) {
    if (request.getUserPrincipal() != null) {
      return true;
    }
    String uri = request.getRequestURI();
    String path =
        uri == null
            ? ""
            : uri.substring(
                Math.min(
                    uri.length(),
                    request.getContextPath() == null ? 0 : request.getContextPath().length()));
    for (String area : PRIVATE_AREAS) {
      if (path.startsWith(area)) {
        return true;
      }
    }
    return false;
  }
}
