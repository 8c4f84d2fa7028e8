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
        ClientRepresentation client = confidentialClient(clientId, name, claims);
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

  /**
   * Creates an API client: a confidential client with client credentials (its service account gets
   * no roles), the given hard-coded claims, and — if {@code redirectUris} is not empty — the
   * authorization code flow with PKCE (S256) to exactly these URIs for people signing in through
   * it, whose tokens carry only the realm roles in {@code realmRoles} (full scope off) and the eID
   * level as claim {@code loa} (as the portal's own client).
   *
   * @return the client's secret
   * @throws OrganizationDirectory.DirectoryException if Keycloak cannot be reached or refuses
   */
  public String createApiClient(
      String clientId,
      String name,
      Map<String, String> claims,
      List<String> redirectUris,
      List<String> realmRoles) {
    try {
      ClientRepresentation client = confidentialClient(clientId, name, claims);
      client.setStandardFlowEnabled(!redirectUris.isEmpty());
      client.setRedirectUris(redirectUris);
      client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
      List<ProtocolMapperRepresentation> mappers =
          new java.util.ArrayList<>(client.getProtocolMappers());
      mappers.add(sessionNote("loa", "acr"));
      client.setProtocolMappers(mappers);
      String id;
      try (Response response = realm().clients().create(client)) {
        id = CreatedResponseUtil.getCreatedId(response);
      }
      if (!realmRoles.isEmpty()) {
        realm()
            .clients()
            .get(id)
            .getScopeMappings()
            .realmLevel()
            .add(realmRoles.stream().map(r -> realm().roles().get(r).toRepresentation()).toList());
      }
      return realm().clients().get(id).getSecret().getValue();
    } catch (ProcessingException | WebApplicationException e) {
      throw new OrganizationDirectory.DirectoryException(
          "Keycloak: client " + clientId + " failed: " + e.getMessage(), e);
    }
  }

  /** A new secret for an existing client; the old one stops working. */
  public String newSecret(String clientId) {
    return withClient(clientId, c -> c.generateNewSecret().getValue());
  }

  /** Enables or disables a client (a disabled client gets no tokens). */
  public void setEnabled(String clientId, boolean enabled) {
    withClient(
        clientId,
        c -> {
          ClientRepresentation representation = c.toRepresentation();
          representation.setEnabled(enabled);
          c.update(representation);
          return null;
        });
  }

  /** Removes a client; nothing happens if it is gone already. */
  public void deleteClient(String clientId) {
    try {
      for (ClientRepresentation found : realm().clients().findByClientId(clientId)) {
        realm().clients().get(found.getId()).remove();
      }
    } catch (ProcessingException | WebApplicationException e) {
      throw new OrganizationDirectory.DirectoryException(
          "Keycloak: client " + clientId + " failed: " + e.getMessage(), e);
    }
  }

  private <T> T withClient(String clientId, java.util.function.Function<ClientResource, T> action) {
    try {
      List<ClientRepresentation> found = realm().clients().findByClientId(clientId);
      if (found.isEmpty()) {
        throw new OrganizationDirectory.DirectoryException("Keycloak: no client " + clientId, null);
      }
      return action.apply(realm().clients().get(found.get(0).getId()));
    } catch (ProcessingException | WebApplicationException e) {
      throw new OrganizationDirectory.DirectoryException(
          "Keycloak: client " + clientId + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * A confidential client with client credentials only (no browser flows, no full scope) and the
   * hard-coded claims.
   */
  private static ClientRepresentation confidentialClient(
      String clientId, String name, Map<String, String> claims) {
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
    return client;
  }

  /** The eID level as claim: the user session note {@code note} (as the portal's own client). */
  private static ProtocolMapperRepresentation sessionNote(String claimName, String note) {
    return mapper(
        claimName,
        "oidc-usersessionmodel-note-mapper",
        Map.of("user.session.note", note, "id.token.claim", "true"));
  }

  private static ProtocolMapperRepresentation claim(String name, String value) {
    return mapper(
        name,
        "oidc-hardcoded-claim-mapper",
        Map.of("claim.value", value, "id.token.claim", "false"));
  }

  /** A claim {@code name} in access tokens and introspection, never in userinfo. */
  private static ProtocolMapperRepresentation mapper(
      String name, String type, Map<String, String> specific) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(name);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper(type);
    Map<String, String> config = new java.util.HashMap<>(specific);
    config.put("claim.name", name);
    config.put("jsonType.label", "String");
    config.put("access.token.claim", "true");
    config.put("userinfo.token.claim", "false");
    config.put("introspection.token.claim", "true");
    mapper.setConfig(config);
    return mapper;
  }

  @Override
  public void close() {
    keycloak.close();
  }
}
