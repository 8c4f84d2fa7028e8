package eu.rathaus.web.citizen;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.identity.LevelOfAssurance;
import eu.rathaus.web.session.SessionUser;
import eu.rathaus.web.session.SignInAgain;
import eu.rathaus.web.session.StepUp;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Guards {@code /citizen/*}: only signed-in citizens, and pages that need a level of assurance only
 * with that level. Someone below it is sent once through the eID asking for the level (see {@link
 * eu.rathaus.web.session.StepUpServlet}) and comes back to the same page; if the eID could not give
 * it, the page {@code level-needed.xhtml} explains which level is needed and how to get it.
 */
@WebFilter(urlPatterns = "/citizen/*")
public class CitizenAreaFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * Pages and the level of assurance they need; everything else in /citizen needs a sign-in only.
   */
  static final Map<String, LevelOfAssurance> REQUIRED_LEVELS =
      Map.of(
          "/citizen/secure-demo.xhtml",
          LevelOfAssurance.HIGH,
          // The Meldebescheinigung at once (issue 13): from the register, for substantial or high.
          "/citizen/certificate.xhtml",
          LevelOfAssurance.SUBSTANTIAL,
          "/citizen/certificate.pdf",
          LevelOfAssurance.SUBSTANTIAL);

  @Inject SessionUser sessionUser;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String here = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String context = request.getContextPath();
    if (!sessionUser.isSignedIn()) {
      // Never signed in, or the sign-in is gone (timed out, lost): to the eID and back to the page.
      SignInAgain.asCitizen(request, response);
      return;
    }
    CurrentUser user = sessionUser.getUser();
    if (!user.hasRole(CurrentUser.CITIZEN)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    Optional<StepUp.LevelGap> gap =
        StepUp.levelGap(
            user,
            REQUIRED_LEVELS.get(path),
            request.getSession().getAttribute(StepUp.ATTEMPTED),
            context,
            here);
    if (gap.isPresent()) {
      if (gap.get().explain()) {
        response.sendRedirect(gap.get().explanationPage());
      } else {
        StepUp.begin(request, response, gap.get().required(), here);
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
