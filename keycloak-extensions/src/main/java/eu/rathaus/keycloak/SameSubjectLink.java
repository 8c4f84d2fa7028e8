package eu.rathaus.keycloak;

import java.util.Objects;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * eID first login that collides with an existing account (the user name is built from the eID
 * subject): the account is taken over silently only if it is already linked to an identity provider
 * with the <em>same issuer</em> and the <em>same subject</em> — i.e. the same person came in
 * through the other door of the same eID ({@code eid} vs. {@code eid-high}). Any other collision is
 * refused: the account belongs to somebody else.
 */
public final class SameSubjectLink extends FirstLoginGuard {

  static final String ID = "rathaus-same-subject-link";
  private static final String ISSUER = "issuer";

  @Override
  protected void authenticateImpl(
      AuthenticationFlowContext context,
      SerializedBrokeredIdentityContext serialized,
      BrokeredIdentityContext brokered) {
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    UserModel existing = getExistingUser(session, realm, context.getAuthenticationSession());
    String issuer = brokered.getIdpConfig().getConfig().get(ISSUER);
    String subject = brokered.getId();
    boolean samePerson =
        issuer != null
            && subject != null
            && session
                .users()
                .getFederatedIdentitiesStream(realm, existing)
                .anyMatch(
                    link ->
                        subject.equals(link.getUserId()) && issuer.equals(issuerOf(session, link)));
    if (!samePerson) {
      refuseLink(context, brokered, ID, existing, "existing_account_other_subject");
      return;
    }
    context.setUser(existing);
    context.success();
  }

  private static String issuerOf(KeycloakSession session, FederatedIdentityModel link) {
    IdentityProviderModel idp = session.identityProviders().getByAlias(link.getIdentityProvider());
    return idp == null
        ? null
        : Objects.requireNonNullElse(idp.getConfig(), java.util.Map.<String, String>of())
            .get(ISSUER);
  }
}
