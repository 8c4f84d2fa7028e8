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

/** Hands the signed-in person's tenant scope to the service layer for this request. */
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
    if (request.getUserPrincipal() != null) {
      // A constrained page reached directly (not through /login) still gets its sign-in recorded.
      signIn.ensureSignedIn(request);
    }
    if (request.getSession(false) != null) {
      callerScope.set(sessionUser.tenantScope());
    }
    chain.doFilter(request, response);
  }
}
