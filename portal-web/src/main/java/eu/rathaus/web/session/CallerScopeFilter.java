package eu.rathaus.web.session;

import eu.rathaus.kernel.CallerScope;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands the signed-in person's tenant scope to the service layer for this request.
 *
 * <p>Not for the API ({@code /api/…}): elytron-oidc-client also accepts the API's {@code
 * Authorization: Bearer} token and sets a principal, but an API call is stateless. Signing it in
 * here made every API call an HTTP session with an {@code auth.sign-in} audit entry of its own (a
 * second durable commit and a hold on the municipality's audit chain per call, found by the P1 API
 * profile of issue 16); the API's resources take the caller from the token themselves ({@code
 * ApiBearer}).
 */
@WebFilter(urlPatterns = "/*")
public class CallerScopeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject SessionUser sessionUser;
  @Inject CallerScope callerScope;
  @Inject SessionSignIn signIn;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isApi(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getUserPrincipal() != null) {
      // A constrained page reached directly (not through /login) still gets its sign-in recorded.
      signIn.ensureSignedIn(request);
    }
    if (request.getSession(false) != null) {
      callerScope.set(sessionUser.tenantScope());
    }
    chain.doFilter(request, response);
  }

  /** Whether the request is for the JAX-RS API, which never has a session. */
  static boolean isApi(HttpServletRequest request) {
    String path = request.getServletPath();
    return path != null && (path.equals(API) || path.startsWith(API + "/"));
  }

  private static final String API = "/api";
}
