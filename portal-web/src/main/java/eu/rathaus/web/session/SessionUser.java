package eu.rathaus.web.session;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.application.ActiveMunicipalities;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * The signed-in person for the pages of this HTTP session.
 *
 * <p>Kept in the session because public pages are not security-constrained, so the container only
 * authenticates on {@code /login}; after that, every page reads the person from here. Holds no
 * token other than the ID token, which is needed to end the Keycloak session at sign-out.
 */
@Named
@SessionScoped
public class SessionUser implements Serializable {

  private static final long serialVersionUID = 1L;

  private CurrentUser user;
  private String idToken;
  private String municipalityName;
  private UUID municipalityId;
  private boolean municipalitySuspended;

  /**
   * Asked on every staff request, so a suspension reaches live sessions within {@link
   * ActiveMunicipalities#MAX_AGE} (issue 10). Absent only in unit tests, which then keep the status
   * from sign-in.
   */
  @Inject ActiveMunicipalities activeMunicipalities;

  /**
   * A random value per sign-in that the portal's own forms for session-changing actions (sign-out,
   * step-up) carry, so another site cannot end or restart someone's session with a forged POST
   * (SameSite=Lax already keeps the cookie off cross-site posts; this does not rely on it).
   */
  private String formToken;

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  public void signIn(
      CurrentUser user,
      String idToken,
      UUID municipalityId,
      String municipalityName,
      boolean suspended) {
    byte[] token = new byte[24];
    RANDOM.nextBytes(token);
    this.formToken = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    this.user = user;
    this.idToken = idToken;
    this.municipalityId = municipalityId;
    this.municipalityName = municipalityName;
    this.municipalitySuspended = suspended;
  }

  /**
   * The roles, organizations or level from a refreshed token (elytron-oidc-client refreshes the
   * access token once it expires, and Keycloak computes the roles again then): a role removed in
   * Keycloak leaves the session at the next refresh instead of at the next sign-in.
   */
  public void refresh(CurrentUser current) {
    if (user != null
        && current != null
        && user.subject().equals(current.subject())
        && !user.equals(current)) {
      this.user = current;
    }
  }

  /** Staff of a suspended municipality are signed in but get no access to its data. */
  public boolean isMunicipalitySuspended() {
    if (municipalityId != null && activeMunicipalities != null) {
      municipalitySuspended = !activeMunicipalities.isActive(municipalityId);
    }
    return municipalitySuspended;
  }

  /**
   * What this person may see of tenant-owned data: platform admins everything, staff their own
   * municipality, citizens their own rows, anyone else only public data.
   */
  public TenantScope tenantScope() {
    if (user == null) {
      return TenantScope.anonymous();
    }
    if (user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
      return TenantScope.platform(user.subject());
    }
    if ((user.hasRole(CurrentUser.CLERK) || user.hasRole(CurrentUser.MUNICIPAL_ADMIN))
        && municipalityId != null
        && !isMunicipalitySuspended()) {
      // The roles go to PostgreSQL as one comma-separated setting (V65): a role whose name could
      // not be written there is no staff role of the portal anyway.
      return TenantScope.staff(
          municipalityId,
          user.subject(),
          user.roles().stream()
              .filter(r -> !r.isBlank() && !r.contains(","))
              .collect(java.util.stream.Collectors.toSet()));
    }
    if (user.hasRole(CurrentUser.CITIZEN)) {
      return TenantScope.citizen(user.subject());
    }
    return TenantScope.anonymous();
  }

  /** The value of the hidden {@code token} field of the sign-out and step-up forms. */
  public String getFormToken() {
    return formToken;
  }

  /** True when {@code given} is this session's form token (compared in constant time). */
  public boolean acceptsFormToken(String given) {
    return formToken != null
        && given != null
        && java.security.MessageDigest.isEqual(
            formToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  public boolean isSignedIn() {
    return user != null;
  }

  public CurrentUser getUser() {
    return user;
  }

  public String getIdToken() {
    return idToken;
  }

  public String getMunicipalityName() {
    return municipalityName;
  }
}
