package eu.rathaus.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the person viewing a page is signed in, asked by the layout without starting a session:
 * the session-scoped {@link SessionUser} is only touched when a session already exists, so public
 * pages (Leichte Sprache, the catalogue) read by someone who never signed in stay stateless — no
 * session, no cookie.
 */
@Named
@RequestScoped
public class Viewer {

  @Inject HttpServletRequest request;
  @Inject SessionUser sessionUser;

  public boolean isSignedIn() {
    return request.getSession(false) != null && sessionUser.isSignedIn();
  }
}
