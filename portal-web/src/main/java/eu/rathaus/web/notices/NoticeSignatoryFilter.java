package eu.rathaus.web.notices;

import eu.rathaus.notices.application.NoticeSignatory;
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
 * Hands the signed-in staff member's display name to {@link NoticeSignatory} for requests of the
 * back office, where decisions are taken, so a notice issued there is signed "Im Auftrag" with the
 * deciding clerk's name.
 */
@WebFilter(urlPatterns = "/office/*")
public class NoticeSignatoryFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject SessionUser sessionUser;
  @Inject NoticeSignatory signatory;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getSession(false) != null && sessionUser.isSignedIn()) {
      signatory.set(sessionUser.getUser().getDisplayName());
    }
    chain.doFilter(request, response);
  }
}
