package eu.rathaus.keycloak;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * What the guards of the first broker login share: they show no form of their own (the action of a
 * refusal page comes back to the same check), need no user beforehand, are configured for
 * everybody, look up the organization an identity provider belongs to, and refuse in one way — a
 * 403 page with a message of this jar's bundles and a failed, audited event.
 */
abstract class FirstLoginGuard extends AbstractIdpAuthenticator {

  /**
   * Event detail naming the guard that refused, so the event log says why without reading
   * Keycloak's log.
   */
  static final String GUARD_DETAIL = "rathaus_guard";

  /** The message of every refused collision with an existing account. */
  static final String NOT_LINKABLE = "rathausExistingAccountNotLinkable";

  @Override
  protected void actionImpl(
      AuthenticationFlowContext context,
      SerializedBrokeredIdentityContext serialized,
      BrokeredIdentityContext brokered) {
    // No form of its own: the refusal page has no action to come back with.
    authenticateImpl(context, serialized, brokered);
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  /**
   * Refuses a first login that collides with {@code existing}, naming that account in the event
   * (never on the page: the page does not confirm that it exists).
   */
  static void refuseLink(
      AuthenticationFlowContext context,
      BrokeredIdentityContext brokered,
      String guard,
      UserModel existing,
      String eventError) {
    context.getEvent().detail("existing_user", existing.getId());
    refuse(context, brokered, guard, eventError, NOT_LINKABLE);
  }

  /**
   * The organization the identity provider is linked to, or {@code null} (none, unknown or
   * disabled).
   */
  static OrganizationModel organizationOf(KeycloakSession session, IdentityProviderModel idp) {
    if (idp == null || idp.getOrganizationId() == null) {
      return null;
    }
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    if (organizations == null || !organizations.isEnabled()) {
      return null;
    }
    OrganizationModel organization = organizations.getById(idp.getOrganizationId());
    return organization != null && organization.isEnabled() ? organization : null;
  }

  /**
   * Ends the login with Keycloak's error page (HTTP 403) showing {@code messageKey} from the
   * message bundles shipped in this jar, and records a failed event with the brokered identity, so
   * the attempt is audited.
   */
  static void refuse(
      AuthenticationFlowContext context,
      BrokeredIdentityContext brokered,
      String guard,
      String eventError,
      String messageKey,
      Object... messageParameters) {
    context
        .getEvent()
        .detail(GUARD_DETAIL, guard)
        .detail("identity_provider", brokered.getIdpConfig().getAlias())
        .detail("identity_provider_identity", brokered.getUsername())
        .detail("email", brokered.getEmail())
        .error(eventError);
    Response page =
        context
            .form()
            .setError(messageKey, messageParameters)
            .createErrorPage(Response.Status.FORBIDDEN);
    context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, page);
  }
}
