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
 * the slugs of the Keycloak organizations the person belongs to (staff); citizens have none.
 */
public record CurrentUser(
    String subject,
    String username,
    String displayName,
    String email,
    Set<String> roles,
    List<String> municipalities)
    implements Serializable {

  /** Realm role of citizens. */
  public static final String CITIZEN = "citizen";
  /** Realm role of municipal case workers. */
  public static final String CLERK = "clerk";
  /** Realm role of a municipality's administrators. */
  public static final String MUNICIPAL_ADMIN = "municipal-admin";
  /** Realm role of the operators of the whole platform. */
  public static final String PLATFORM_ADMIN = "platform-admin";

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

  public boolean hasRole(String role) {
    return roles.contains(role);
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
