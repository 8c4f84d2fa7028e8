package eu.rathaus.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The person behind the current request, as the rest of the portal sees them.
 *
 * <p>This is deliberately a plain value: the domain and the views never see OIDC or Keycloak types,
 * so the identity provider can change without touching business code. {@code municipalities} holds
 * the slugs of the Keycloak organizations the person belongs to (staff); citizens have none. {@code
 * levelOfAssurance} is the eID level a citizen signed in with, {@code null} for staff who sign in
 * through their municipality's directory.
 *
 * <p>Staff roles count only together with the membership: {@link #hasRoleIn(String, String)} is the
 * check for anything a municipality owns (see identity/README.md, "Roles per municipality").
 */
public record CurrentUser(
    String subject,
    String username,
    String displayName,
    String email,
    Set<String> roles,
    List<String> municipalities,
    LevelOfAssurance levelOfAssurance)
    implements Serializable {

  /** Realm role of citizens. */
  public static final String CITIZEN = "citizen";

  /** Realm role of municipal case workers. */
  public static final String CLERK = "clerk";

  /** Realm role of a municipality's administrators. */
  public static final String MUNICIPAL_ADMIN = "municipal-admin";

  /** Realm role of the operators of the whole platform. */
  public static final String PLATFORM_ADMIN = "platform-admin";

  /** A person without eID level (staff, or tokens from before the eID). */
  public CurrentUser(
      String subject,
      String username,
      String displayName,
      String email,
      Set<String> roles,
      List<String> municipalities) {
    this(subject, username, displayName, email, roles, municipalities, null);
  }

  public CurrentUser {
    Objects.requireNonNull(subject, "subject");
    username = username == null ? subject : username;
    displayName = displayName == null || displayName.isBlank() ? username : displayName;
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
  }

  /** For Jakarta EL 5 (Jakarta EE 10), which does not see record components as properties. */
  public String getDisplayName() {
    return displayName;
  }

  /** For Jakarta EL 5: the most significant role, see {@link #primaryRole()}. */
  public String getPrimaryRole() {
    return primaryRole();
  }

  /** For Jakarta EL 5: the eID level, or {@code null} when the person did not sign in with eID. */
  public LevelOfAssurance getLevelOfAssurance() {
    return levelOfAssurance;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /**
   * A staff role in one municipality: the realm role and the membership in that municipality's
   * organization together. A clerk of Musterstadt is nothing in Beispielheim.
   */
  public boolean hasRoleIn(String role, String municipalitySlug) {
    return municipalitySlug != null
        && roles.contains(role)
        && municipalities.contains(municipalitySlug);
  }

  /** True when the person is a clerk or municipal admin of the given municipality. */
  public boolean isStaffOf(String municipalitySlug) {
    return hasRoleIn(CLERK, municipalitySlug) || hasRoleIn(MUNICIPAL_ADMIN, municipalitySlug);
  }

  /** True when the eID level is at least {@code required}; people without eID level never are. */
  public boolean hasLevelOfAssurance(LevelOfAssurance required) {
    return levelOfAssurance != null && levelOfAssurance.satisfies(required);
  }

  /**
   * The most significant role, for display: platform admin over municipal admin over clerk over
   * citizen.
   */
  public String primaryRole() {
    for (String role : List.of(PLATFORM_ADMIN, MUNICIPAL_ADMIN, CLERK, CITIZEN)) {
      if (roles.contains(role)) {
        return role;
      }
    }
    return CITIZEN;
  }

  /** Municipality slug of staff members, empty for citizens and platform admins. */
  public String primaryMunicipality() {
    return municipalities.isEmpty() ? null : municipalities.get(0);
  }
}
