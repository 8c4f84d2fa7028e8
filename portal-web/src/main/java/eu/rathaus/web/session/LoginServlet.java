package eu.rathaus.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The door to sign in. {@code /login} is security-constrained, so the container sends the browser
 * to Keycloak first; once back here the person is known, recorded in the audit log and kept in the
 * session (see {@link SessionSignIn}), and the browser returns to the start page or to the local
 * page named by {@code return}. A plain link, so it works without JavaScript.
 *
 * <p>Two doors lead here: citizens use {@code /login?kc_idp_hint=eid} (elytron-oidc-client forwards
 * {@code kc_idp_hint} to Keycloak, which goes straight to the eID); staff use plain {@code /login}
 * and type their e-mail on Keycloak's identity-first form, which redirects to their municipality's
 * directory when the domain belongs to an organization.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject SessionSignIn signIn;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!signIn.ensureSignedIn(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    HttpSession session = request.getSession();
    Object requested = session.getAttribute(StepUp.REQUESTED);
    if (requested != null) {
      // Remember that the eID was already asked for this level, so a person who cannot reach it
      // gets the explanation instead of an endless loop through the eID.
      session.removeAttribute(StepUp.REQUESTED);
      session.setAttribute(StepUp.ATTEMPTED, requested);
    }
    Object returnTo = session.getAttribute(StepUp.RETURN_TO);
    session.removeAttribute(StepUp.RETURN_TO);
    String target =
        ReturnPath.sanitize(
            returnTo instanceof String path ? path : request.getParameter(ReturnPath.PARAM));
    response.sendRedirect(request.getContextPath() + target);
  }
}
