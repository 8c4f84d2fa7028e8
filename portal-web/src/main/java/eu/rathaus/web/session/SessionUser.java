package eu.rathaus.web.session;

import eu.rathaus.identity.CurrentUser;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

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

  public void signIn(CurrentUser user, String idToken, String municipalityName) {
    this.user = user;
    this.idToken = idToken;
    this.municipalityName = municipalityName;
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
