package eu.rathaus.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The door to sign in. {@code /login} is security-constrained, so the container sends the browser
 * to Keycloak first; once back here the person is known, recorded and kept in the session, and the
 * browser returns to the start page. A plain link, so it works without JavaScript.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject SessionSignIn signIn;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!signIn.ensureSignedIn(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    response.sendRedirect(request.getContextPath() + "/");
  }
}
