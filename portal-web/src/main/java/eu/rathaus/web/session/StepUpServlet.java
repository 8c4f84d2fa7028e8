package eu.rathaus.web.session;

import eu.rathaus.identity.LevelOfAssurance;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Sends a signed-in citizen back through the eID to reach a higher level of assurance:
 * {@code /stepup?level=high&return=/citizen/secure-demo.xhtml}. The portal session ends first, so
 * the container starts a fresh sign-in; Keycloak's session at the eID stays, so only the missing
 * factor is asked for. A plain link, so it works without JavaScript.
 */
@WebServlet("/stepup")
public class StepUpServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    LevelOfAssurance level =
        LevelOfAssurance.fromName(request.getParameter("level")).orElse(LevelOfAssurance.HIGH);
    String returnPath = ReturnPath.sanitize(request.getParameter(ReturnPath.PARAM));
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    try {
      request.logout();
    } catch (ServletException e) {
      // Nothing was signed in on this request; the new sign-in starts anyway.
    }
    response.sendRedirect(StepUp.stepUpLogin(request, level, returnPath));
  }
}
