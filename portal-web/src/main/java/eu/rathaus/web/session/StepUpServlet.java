package eu.rathaus.web.session;

import eu.rathaus.identity.LevelOfAssurance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "Try the eID again" from the level-needed page: {@code POST /stepup} with {@code level}, {@code
 * return} and the session's form token. It ends the portal session and signs in again through the
 * eID for the level ({@link StepUp#begin}); Keycloak's session at the eID stays, so only the
 * missing factor is asked for. A form with a button, so it works without JavaScript; POST only, so
 * a link or image on another site cannot end someone's session.
 */
@WebServlet("/stepup")
public class StepUpServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject SessionUser sessionUser;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (sessionUser.isSignedIn()
        && !sessionUser.acceptsFormToken(request.getParameter(LogoutServlet.TOKEN_PARAM))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    LevelOfAssurance level =
        LevelOfAssurance.fromName(request.getParameter("level")).orElse(LevelOfAssurance.HIGH);
    StepUp.begin(request, response, level, request.getParameter(ReturnPath.PARAM));
  }
}
