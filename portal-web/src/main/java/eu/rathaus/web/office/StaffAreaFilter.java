package eu.rathaus.web.office;

import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.session.SessionSignIn;
import eu.rathaus.web.session.SessionUser;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Guards the back office and the municipal administration beyond web.xml's role check: the role
 * says "clerk" or "municipal admin", but only a staff scope (an active municipality the person
 * belongs to) opens these pages. Staff of a suspended municipality therefore get the "forbidden"
 * page on every one of them, instead of each page finding out on its own (or failing).
 */
@WebFilter(urlPatterns = {"/office/*", "/municipal/*"})
public class StaffAreaFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject SessionUser sessionUser;
  @Inject SessionSignIn signIn;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() != null) {
      // Filter order is not defined among annotated filters: record the sign-in here too
      // (idempotent).
      signIn.ensureSignedIn(request);
    }
    if (sessionUser.tenantScope().kind() != TenantScope.Kind.STAFF) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }
}
