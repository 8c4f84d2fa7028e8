package eu.rathaus.keycloak;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * What the guards share: the organization an identity provider belongs to, and how a refusal looks.
 */
final class Refusal {

  /**
   * Event detail naming the guard that refused, so the event log says why without reading
   * Keycloak's log.
   */
  static final String GUARD_DETAIL = "rathaus_guard";

  private Refusal() {}

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
