package eu.rathaus.web.session;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.identity.CurrentUser;
import eu.rathaus.identity.OidcUserMapper;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The door to sign in. {@code /login} is security-constrained, so the container sends the browser
 * to Keycloak first; once back here the person is known, recorded in the audit log and kept in the
 * session, and the browser returns to the start page or to the local page named by {@code return}.
 * A plain link, so it works without JavaScript.
 *
 * <p>Two doors lead here: citizens use {@code /login?kc_idp_hint=eid} (elytron-oidc-client forwards
 * {@code kc_idp_hint} to Keycloak, which goes straight to the eID); staff use plain {@code /login}
 * and type their e-mail on Keycloak's identity-first form, which redirects to their municipality's
 * directory when the domain belongs to an organization.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());

  @Inject SessionUser sessionUser;
  @Inject SignInRecorder recorder;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    CurrentUser user = OidcUserMapper.fromPrincipal(request.getUserPrincipal());
    if (user == null) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (!sessionUser.isSignedIn() || !sessionUser.getUser().subject().equals(user.subject())) {
      request.changeSessionId();
      String municipalityName = recorder.record(user);
      sessionUser.signIn(user, OidcUserMapper.idTokenOf(request.getUserPrincipal()), municipalityName);
      LOG.fine(() -> "Signed in subject " + user.subject());
    }
    jakarta.servlet.http.HttpSession session = request.getSession();
    Object requested = session.getAttribute(StepUp.REQUESTED);
    if (requested != null) {
      // Remember that the eID was already asked for this level, so a person who cannot reach it
      // gets the explanation instead of an endless loop through the eID.
      session.removeAttribute(StepUp.REQUESTED);
      session.setAttribute(StepUp.ATTEMPTED, requested);
    }
    Object returnTo = session.getAttribute(StepUp.RETURN_TO);
    session.removeAttribute(StepUp.RETURN_TO);
    String target = ReturnPath.sanitize(returnTo instanceof String path ? path : request.getParameter(ReturnPath.PARAM));
    response.sendRedirect(request.getContextPath() + target);
  }

  /** Writes the sign-in to the audit chain of the person's municipality (or the platform chain). */
  @jakarta.enterprise.context.ApplicationScoped
  public static class SignInRecorder {
    @Inject AuditLog auditLog;
    @Inject MunicipalityDirectory municipalities;

    @Transactional
    public String record(CurrentUser user) {
      Optional<MunicipalitySummary> municipality =
          Optional.ofNullable(user.primaryMunicipality()).flatMap(municipalities::bySlug);
      auditLog.record(
          new AuditEvent(
              user.subject(),
              "auth.sign-in",
              "user",
              user.subject(),
              municipality.map(MunicipalitySummary::id).orElse(null),
              "roles=" + String.join(",", user.roles().stream().sorted().toList())));
      return municipality.map(MunicipalitySummary::name).orElse(null);
    }
  }
}
