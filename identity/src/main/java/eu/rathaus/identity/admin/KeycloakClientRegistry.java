package eu.rathaus.identity.admin;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * Machine clients of the realm, through the same service-account admin client as onboarding (needs
 * {@code manage-clients}): a confidential client that may only use the client credentials grant,
 * with hard-coded claims naming what it belongs to (e.g. {@code rathaus_municipality}), so a token
 * of it says which tenant it is scoped to.
 */
public class KeycloakClientRegistry implements AutoCloseable {

  private final Keycloak keycloak;
  private final String realm;

  public KeycloakClientRegistry(AdminSettings settings) {
    this.realm = settings.realm();
    this.keycloak = settings.adminClient();
  }

  private RealmResource realm() {
    return keycloak.realm(realm);
  }

  /**
   * Creates (or updates) the confidential client {@code clientId} with the given hard-coded claims
   * in its access tokens, and issues a new secret.
   *
   * @return the new secret
   * @throws OrganizationDirectory.DirectoryException if Keycloak cannot be reached or refuses
   */
  public String ensureServiceClientWithNewSecret(
      String clientId, String name, Map<String, String> claims) {
    try {
      List<ClientRepresentation> found = realm().clients().findByClientId(clientId);
      String id;
      if (found.isEmpty()) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFullScopeAllowed(false);
        client.setProtocolMappers(
            claims.entrySet().stream().map(e -> claim(e.getKey(), e.getValue())).toList());
        try (Response response = realm().clients().create(client)) {
          id = CreatedResponseUtil.getCreatedId(response);
        }
      } else {
        id = found.get(0).getId();
      }
      ClientResource client = realm().clients().get(id);
      return client.generateNewSecret().getValue();
    } catch (ProcessingException | WebApplicationException e) {
      throw new OrganizationDirectory.DirectoryException(
          "Keycloak: client " + clientId + " failed: " + e.getMessage(), e);
    }
  }

  private static ProtocolMapperRepresentation claim(String name, String value) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(name);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
    mapper.setConfig(
        Map.of(
            "claim.name", name,
            "claim.value", value,
            "jsonType.label", "String",
            "access.token.claim", "true",
            "id.token.claim", "false",
            "userinfo.token.claim", "false",
            "introspection.token.claim", "true"));
    return mapper;
  }

  @Override
  public void close() {
    keycloak.close();
  }
}
