package eu.rathaus.identity.admin;

/**
 * The identity provider's view of municipalities and their staff, as the onboarding needs it. Every
 * operation is idempotent (ensure…): running an onboarding again after a failure half-way converges
 * on the same state instead of creating duplicates.
 */
public interface OrganizationDirectory {

  /** Creates the organization for a municipality if it is missing; returns its id. */
  String ensureOrganization(String alias, String name, String emailDomain);

  /**
   * Creates the staff account if no account has this e-mail, grants the realm role and makes the
   * account a member of the organization; returns the account id.
   */
  String ensureMember(
      String organizationId, String email, String firstName, String lastName, String realmRole);

  /**
   * Sends the account an e-mail with a link to set its password (Keycloak "execute actions" mail),
   * which returns to {@code redirectUri} afterwards.
   */
  void sendPasswordSetupMail(String accountId, String redirectUri);

  /**
   * Brokers the municipality's own staff directory (any OIDC provider, configured from its
   * discovery document) and links it to the organization, so staff typing an address of {@code
   * emailDomain} are sent there. Directory roles arrive through the claim {@code rathaus_roles}:
   * value {@code rathaus-sachbearbeitung} grants {@code clerk}, {@code rathaus-verwaltung} grants
   * {@code municipal-admin}, {@code rathaus-meldewesen} grants {@code register-clerk}, {@code
   * rathaus-datenschutz} grants {@code data-protection}. Idempotent.
   */
  void ensureIdentityProvider(
      String organizationId,
      String alias,
      String discoveryUrl,
      String clientId,
      String clientSecret,
      String emailDomain);

  /** Aliases of the identity providers linked to the organization. */
  java.util.List<String> identityProviderAliases(String organizationId);

  /** Enables or disables the organization; a disabled one lets none of its members in. */
  void setOrganizationEnabled(String organizationId, boolean enabled);

  /** The organization's id if it exists. */
  java.util.Optional<String> findOrganization(String alias);

  /**
   * The organization {@code alias} as it moves with its municipality to another installation: name,
   * domains, attributes, linked identity providers and their mappers, never a secret.
   */
  java.util.Optional<OrganizationDescription> describeOrganization(String alias);

  /**
   * Creates or updates the organization as described and links its identity providers; a provider
   * created here stays switched off until its secret is entered. Returns the organization's id.
   */
  String applyOrganization(OrganizationDescription description);

  /** Thrown when the identity provider cannot be reached or refuses an operation. */
  class DirectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DirectoryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
