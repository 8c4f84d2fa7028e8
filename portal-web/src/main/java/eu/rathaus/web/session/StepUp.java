package eu.rathaus.web.session;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.identity.LevelOfAssurance;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the portal asks the eID for a level of assurance.
 *
 * <p>WildFly's elytron-oidc-client forwards {@code kc_idp_hint}, {@code prompt}, {@code max_age},
 * {@code login_hint}, {@code ui_locales} and {@code scope} from the query of the protected URL to
 * the authorization request, but not {@code acr_values} or {@code claims}. So the level is chosen
 * by the identity provider alias instead: {@code eid} uses the eID client whose default acr is
 * {@code substantial}, {@code eid-high} the one whose default acr is {@code high}. {@code
 * prompt=login} makes realm {@code rathaus} authenticate again (its SSO cookie would otherwise
 * answer at once); the {@code eid-high} provider is configured with its own prompt, so realm
 * rathaus does not pass {@code login} on and the eID asks only for the missing second factor.
 * ({@code max_age=0} was tried: Keycloak still answers from the cookie when the previous sign-in
 * was in the same second.)
 */
public final class StepUp {

  /** Identity provider alias of the eID in realm rathaus (default level substantial). */
  static final String EID = "eid";

  /** The same eID through the client that asks for level high. */
  static final String EID_HIGH = "eid-high";

  /** Session attribute: the highest level the person was already sent to the eID for. */
  public static final String ATTEMPTED = "rathaus.stepup.attempted";

  /**
   * Session attribute: the level the current sign-in asks the eID for (moved to ATTEMPTED at
   * /login).
   */
  static final String REQUESTED = "rathaus.stepup.requested";

  /**
   * Session attribute: the local page to return to after /login. elytron-oidc-client sends only the
   * path of the protected URL as redirect_uri and drops its query, so the target cannot travel in
   * the URL.
   */
  static final String RETURN_TO = "rathaus.login.return";

  /** Explains a level the eID did not give although the citizen was sent there for it. */
  public static final String LEVEL_NEEDED_PAGE = "/citizen/level-needed.xhtml";

  private StepUp() {}

  /**
   * Starts a step-up: ends the portal session (so the container starts a fresh sign-in) and sends
   * the browser to /login asking the eID for {@code level}, coming back to {@code returnPath}.
   * Called where a page finds the level too low, and by the "try again" form ({@link
   * StepUpServlet}, POST); there is no GET address that does it, so no link on another site can end
   * a session.
   */
  public static void begin(
      HttpServletRequest request,
      HttpServletResponse response,
      LevelOfAssurance level,
      String returnPath)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    try {
      request.logout();
    } catch (ServletException e) {
      // Nothing was signed in on this request; the new sign-in starts anyway.
    }
    response.sendRedirect(stepUpLogin(request, level, ReturnPath.sanitize(returnPath)));
  }

  /**
   * What a citizen who lacks level {@code required} for the page {@code here} needs; empty if the
   * sign-in has it. Someone already sent to the eID for that level ({@code attempted}, the
   * session's {@link #ATTEMPTED}) who came back without it gets the explanation page, not another
   * round trip; everybody else is stepped up ({@link #begin}, which ends the session, so it is
   * never a GET link).
   */
  public static Optional<LevelGap> levelGap(
      CurrentUser user,
      LevelOfAssurance required,
      Object attempted,
      String contextPath,
      String here) {
    if (required == null || user.hasLevelOfAssurance(required)) {
      return Optional.empty();
    }
    if (attempted instanceof LevelOfAssurance tried && tried.satisfies(required)) {
      return Optional.of(
          new LevelGap(
              required,
              contextPath
                  + LEVEL_NEEDED_PAGE
                  + "?level="
                  + required.acr()
                  + "&return="
                  + encode(here)));
    }
    return Optional.of(new LevelGap(required, null));
  }

  /**
   * A missing level: either the explanation page to show, or (page {@code null}) a step-up to
   * start.
   */
  public record LevelGap(LevelOfAssurance required, String explanationPage) {
    public boolean explain() {
      return explanationPage != null;
    }
  }

  static String idpFor(LevelOfAssurance level) {
    return level == LevelOfAssurance.HIGH ? EID_HIGH : EID;
  }

  /** The citizen door: /login straight to the eID, coming back to {@code returnPath}. */
  public static String citizenLogin(HttpServletRequest request, String returnPath) {
    request.getSession(true).setAttribute(RETURN_TO, ReturnPath.sanitize(returnPath));
    return request.getContextPath() + "/login?kc_idp_hint=" + EID;
  }

  /**
   * /login asking the eID for {@code level}, coming back to {@code returnPath} (session must be
   * fresh).
   */
  static String stepUpLogin(HttpServletRequest request, LevelOfAssurance level, String returnPath) {
    HttpSession session = request.getSession(true);
    session.setAttribute(RETURN_TO, ReturnPath.sanitize(returnPath));
    session.setAttribute(REQUESTED, level);
    return request.getContextPath() + "/login?kc_idp_hint=" + idpFor(level) + "&prompt=login";
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
