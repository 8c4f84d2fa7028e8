package eu.rathaus.keycloak;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Runs when a municipality directory's first login collides with an existing account (same user
 * name): only an account that already belongs to the identity provider's own municipality and holds
 * no platform role may go on to the link confirmation and the existing account's re-authentication.
 * Everything else — a platform admin, another municipality's staff, a citizen — is refused before
 * any form is shown, so not even the account's existence is put up for a password guess.
 */
public final class ExistingAccountGuard extends FirstLoginGuard {

  static final String ID = "rathaus-existing-account-guard";

  /** Realm role that no directory may ever reach: it is granted only to local platform accounts. */
  static final String PLATFORM_ROLE = "platform-admin";

  @Override
  protected void authenticateImpl(
      AuthenticationFlowContext context,
      SerializedBrokeredIdentityContext serialized,
      BrokeredIdentityContext brokered) {
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    UserModel existing = getExistingUser(session, realm, context.getAuthenticationSession());
    OrganizationModel organization = organizationOf(session, brokered.getIdpConfig());
    RoleModel platform = realm.getRole(PLATFORM_ROLE);
    boolean platformAccount = platform != null && existing.hasRole(platform);
    if (organization == null || platformAccount || !organization.isMember(existing)) {
      refuseLink(context, brokered, ID, existing, "existing_account_not_linkable");
      return;
    }
    context.success();
  }
}
