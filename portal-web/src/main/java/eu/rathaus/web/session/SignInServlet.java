package eu.rathaus.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-in buttons' target (issue 16): checks that Keycloak answers and only then goes on to
 * {@code /login} (the security-constrained door that redirects to Keycloak), keeping the parameters
 * ({@code kc_idp_hint}, {@code return}). With Keycloak down the visitor gets the portal's own page
 * "sign-in not possible right now" (503, Retry-After) instead of the browser's "connection
 * refused"; people already signed in are not affected. Unconstrained and without a session: the
 * session starts at {@code /login}.
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String UNAVAILABLE_PAGE = "/errors/signin-unavailable.html";

  @Inject IdentityProviderCheck identityProvider;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!identityProvider.isReachable()) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "30");
      response.setHeader("Cache-Control", "no-store");
      request.getRequestDispatcher(UNAVAILABLE_PAGE).forward(request, response);
      return;
    }
    response.sendRedirect(request.getContextPath() + loginPath(request.getQueryString()));
  }

  /** {@code /login} with the same query; only the portal's own path, so no open redirect. */
  static String loginPath(String query) {
    return query == null || query.isEmpty() ? "/login" : "/login?" + query;
  }
}
