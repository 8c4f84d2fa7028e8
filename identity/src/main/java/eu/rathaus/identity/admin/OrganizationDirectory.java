package eu.rathaus.identity.admin;

/**
 * The identity provider's view of municipalities and their staff, as the onboarding needs it.
 * Every operation is idempotent (ensure…): running an onboarding again after a failure half-way
 * converges on the same state instead of creating duplicates.
 */
public interface OrganizationDirectory {

  /** Creates the organization for a municipality if it is missing; returns its id. */
  String ensureOrganization(String alias, String name, String emailDomain);

  /**
   * Creates the staff account if no account has this e-mail, grants the realm role and makes the
   * account a member of the organization; returns the account id.
   */
  String ensureMember(String organizationId, String email, String firstName, String lastName, String realmRole);

  /**
   * Sends the account an e-mail with a link to set its password (Keycloak "execute actions" mail),
   * which returns to {@code redirectUri} afterwards.
   */
  void sendPasswordSetupMail(String accountId, String redirectUri);

  /** Enables or disables the organization; a disabled one lets none of its members in. */
  void setOrganizationEnabled(String organizationId, boolean enabled);

  /** The organization's id if it exists. */
  java.util.Optional<String> findOrganization(String alias);

  /** Thrown when the identity provider cannot be reached or refuses an operation. */
  class DirectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DirectoryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
