package eu.rathaus.web.session;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.identity.CurrentUser;
import eu.rathaus.identity.OidcUserMapper;
import eu.rathaus.tenancy.application.MunicipalityAdministration;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import eu.rathaus.web.operations.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What happens once per session when the container has authenticated someone: read the person from
 * the token, look up their municipality, write the sign-in to the audit log, keep them in the
 * session. Used by {@code /login} and by any constrained page reached directly.
 */
@ApplicationScoped
public class SessionSignIn {

  @Inject SessionUser sessionUser;
  @Inject AuditLog auditLog;
  @Inject MunicipalityDirectory municipalities;
  @Inject MunicipalityAdministration administration;
  @Inject BusinessMetrics metrics;

  /**
   * Request attribute set when this request signed the person in (a new session user): a form post
   * replayed by the sign-in (elytron-oidc-client keeps the post across Keycloak's pages) then holds
   * a view state of the lost session, see {@code FacesErrorPolicy}.
   */
  public static final String SIGNED_IN_NOW = "rathaus.signedInNow";

  /** Returns false when the request carries no OIDC identity. */
  public boolean ensureSignedIn(HttpServletRequest request) {
    CurrentUser user = OidcUserMapper.fromPrincipal(request.getUserPrincipal());
    if (user == null) {
      return false;
    }
    if (sessionUser.isSignedIn() && sessionUser.getUser().subject().equals(user.subject())) {
      // Same person: take roles and memberships from the current (possibly refreshed) token.
      sessionUser.refresh(user);
      return true;
    }
    request.changeSessionId();
    request.setAttribute(SIGNED_IN_NOW, Boolean.TRUE);
    String slug = user.primaryMunicipality();
    Optional<MunicipalitySummary> municipality =
        Optional.ofNullable(slug).flatMap(municipalities::bySlug);
    boolean suspended =
        slug != null
            && administration
                .statusOf(slug)
                .filter(s -> s == MunicipalityStatus.SUSPENDED)
                .isPresent();
    record(user, municipality, suspended);
    metrics.signedIn(user.levelOfAssurance());
    sessionUser.signIn(
        user,
        OidcUserMapper.idTokenOf(request.getUserPrincipal()),
        municipality.map(MunicipalitySummary::id).orElse(null),
        municipality.map(MunicipalitySummary::name).orElse(null),
        suspended);
    return true;
  }

  /** AuditLog.record joins or opens its own transaction. */
  void record(CurrentUser user, Optional<MunicipalitySummary> municipality, boolean suspended) {
    auditLog.record(
        new AuditEvent(
            user.subject(),
            suspended ? "auth.sign-in.suspended-municipality" : "auth.sign-in",
            "user",
            user.subject(),
            municipality.map(MunicipalitySummary::id).orElse(null),
            "roles=" + String.join(",", user.roles().stream().sorted().toList())));
  }
}
