package eu.rathaus.web.platform;

import eu.rathaus.platform.RuntimeMode;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie's {@code Secure} flag, set at start-up from the runtime mode (issue 10):
 * production sends the cookie over https only; the demo runs on {@code http://localhost}, where a
 * secure cookie would never come back and nobody could sign in. HttpOnly and SameSite=Lax are fixed
 * in web.xml; SameSite=Lax for every other cookie (elytron-oidc-client's sign-in state cookie among
 * them) comes from {@code WEB-INF/undertow-handlers.conf} (that file takes no comments). Lax, not
 * Strict: the browser comes back from Keycloak by a top-level redirect and must bring the cookies.
 */
@WebListener
public class SessionCookieHardening implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    apply(event.getServletContext().getSessionCookieConfig(), RuntimeMode.current());
  }

  static void apply(SessionCookieConfig cookie, RuntimeMode mode) {
    cookie.setSecure(!mode.isDemo());
    cookie.setHttpOnly(true);
  }
}
