package eu.rathaus.web.session;

import eu.rathaus.tenancy.application.PortalAddress;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signs out of the portal and of Keycloak (RP-initiated logout), so the next "Anmelden" asks for
 * the password again, which matters on shared computers in libraries and citizens' offices.
 *
 * <p>POST only, from the header's form with the session's form token ({@link
 * SessionUser#getFormToken()}): a GET (an image or link on another site) changes nothing. The
 * address Keycloak sends the browser back to comes from the configured base URL ({@link
 * PortalAddress}), never from the request's {@code Host} header.
 */
@WebServlet("/signout")
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Name of the hidden form field with the session's form token. */
  public static final String TOKEN_PARAM = "token";

  @Inject SessionUser sessionUser;
  @Inject PortalAddress portalAddress;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (sessionUser.isSignedIn()
        && !sessionUser.acceptsFormToken(request.getParameter(TOKEN_PARAM))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String idToken = sessionUser.isSignedIn() ? sessionUser.getIdToken() : null;
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    try {
      request.logout();
    } catch (jakarta.servlet.ServletException e) {
      // The session is gone already; nothing else to undo.
    }
    String portal = portalAddress.baseUrl();
    if (idToken == null) {
      response.sendRedirect(portal + "/");
      return;
    }
    String endSession =
        PortalUrls.oidcProviderUrl()
            + "/protocol/openid-connect/logout?id_token_hint="
            + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
            + "&post_logout_redirect_uri="
            + URLEncoder.encode(portal + "/", StandardCharsets.UTF_8);
    response.sendRedirect(endSession);
  }
}
