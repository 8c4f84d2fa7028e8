package eu.rathaus.web.session;

import eu.rathaus.identity.CurrentUser;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import eu.rathaus.kernel.TenantScope;
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

  public void signIn(CurrentUser user, String idToken, UUID municipalityId, String municipalityName, boolean suspended) {
    this.user = user;
    this.idToken = idToken;
    this.municipalityId = municipalityId;
    this.municipalityName = municipalityName;
    this.municipalitySuspended = suspended;
  }

  /** Staff of a suspended municipality are signed in but get no access to its data. */
  public boolean isMunicipalitySuspended() {
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
    if ((user.hasRole(CurrentUser.CLERK) || user.hasRole(CurrentUser.MUNICIPAL_ADMIN)) && municipalityId != null && !municipalitySuspended) {
      return TenantScope.staff(municipalityId, user.subject());
    }
    if (user.hasRole(CurrentUser.CITIZEN)) {
      return TenantScope.citizen(user.subject());
    }
    return TenantScope.anonymous();
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
