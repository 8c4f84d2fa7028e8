package eu.rathaus.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo's specialist procedure: after the portal is up, Musterstadt's dog-tax registration
 * ({@value #SERVICE_KEY}) is handed to the {@link ReferenceReceiver} — its keys (kept in the data
 * folder), its Keycloak client (client credentials, claims naming municipality and destination,
 * made through Keycloak's admin API as the local master admin) and the destination row, exactly
 * what a municipal admin sets on the service's "Ziel der Anträge" page. Then the receiver polls
 * every few seconds, so a dog-tax application submitted in the demo comes back decided with a
 * notice.
 */
public final class DemoProcedure {

  public static final String SERVICE_KEY = "demo.hundesteuer-anmeldung";

  private DemoProcedure() {}

  /**
   * Starts the receiver for the demo service against the portal at {@code portal}; empty if the
   * demo catalogue is switched off.
   */
  public static Optional<ReferenceReceiver> start(StackConfig config, URI portal) throws Exception {
    Optional<UUID> definition = awaitDefinition(config, Duration.ofSeconds(30));
    if (definition.isEmpty()) {
      return Optional.empty();
    }
    ReferenceReceiver.Keys keys =
        ReferenceReceiver.Keys.loadOrCreate(
            config.dataDir().resolve("reference-receiver").resolve("keys.json"));
    UUID destination;
    try (Connection c = owner(config)) {
      destination = existingDestination(c, definition.get()).orElseGet(UUID::randomUUID);
    }
    String clientId = "rathaus-destination-" + destination;
    String secret = ensureClient(config, clientId, destination);
    try (Connection c = owner(config)) {
      c.setAutoCommit(false);
      platform(c);
      try (PreparedStatement p =
          c.prepareStatement(
              "insert into handoff_destination (id, municipality_id, definition_id, endpoint, encryption_key,"
                  + " signature_key, client_id, active, changed_by)"
                  + " select ?, municipality_id, id, ?, ?, ?, ?, true, 'launcher' from service_definition where id = ?"
                  + " on conflict (definition_id) do update set encryption_key = excluded.encryption_key,"
                  + " signature_key = excluded.signature_key, active = true, changed_at = now()")) {
        p.setObject(1, destination);
        p.setString(2, "http://127.0.0.1/referenz-fachverfahren");
        p.setString(3, keys.encryptionPublicJson());
        p.setString(4, keys.signaturePublicJson());
        p.setString(5, clientId);
        p.setObject(6, definition.get());
        p.executeUpdate();
      }
      c.commit();
    }
    ReferenceReceiver receiver =
        new ReferenceReceiver(
            new ReferenceReceiver.Settings(
                portal,
                URI.create(config.oidcProviderUrl() + "/protocol/openid-connect/token"),
                clientId,
                secret,
                destination,
                keys));
    return Optional.of(receiver.start(Duration.ofSeconds(5)));
  }

  private static Optional<UUID> awaitDefinition(StackConfig config, Duration patience)
      throws SQLException, InterruptedException {
    long until = System.nanoTime() + patience.toNanos();
    while (true) {
      try (Connection c = owner(config)) {
        platform(c);
        try (PreparedStatement p =
            c.prepareStatement(
                "select d.id from service_definition d join municipality m on m.id = d.municipality_id"
                    + " where m.slug = 'musterstadt' and d.service_key = ?")) {
          p.setString(1, SERVICE_KEY);
          try (ResultSet r = p.executeQuery()) {
            if (r.next()) {
              return Optional.of((UUID) r.getObject(1));
            }
          }
        }
      }
      if (System.nanoTime() > until) {
        return Optional.empty();
      }
      Thread.sleep(1000);
    }
  }

  private static Optional<UUID> existingDestination(Connection c, UUID definition)
      throws SQLException {
    platform(c);
    try (PreparedStatement p =
        c.prepareStatement("select id from handoff_destination where definition_id = ?")) {
      p.setObject(1, definition);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of((UUID) r.getObject(1)) : Optional.empty();
      }
    }
  }

  private static Connection owner(StackConfig config) throws SQLException {
    return DriverManager.getConnection(
        config.jdbcUrl(), config.ownerUser(), config.ownerPassword());
  }

  private static void platform(Connection c) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("select set_config('rathaus.scope', 'platform', false)")) {
      p.execute();
    }
  }

  /** The destination's client in realm {@code rathaus}, with a fresh secret. */
  private static String ensureClient(StackConfig config, String clientId, UUID destination)
      throws IOException, InterruptedException {
    KeycloakAdminApi admin = KeycloakAdminApi.signIn(config);
    // Realms imported before the hand-off existed: the portal's admin client may manage clients.
    grantManageClients(admin);
    String query = "/clients?clientId=" + KeycloakAdminApi.enc(clientId);
    JsonNode found = admin.call("GET", query, null);
    if (found.isEmpty()) {
      Map<String, Object> client =
          Map.of(
              "clientId", clientId,
              "name", "Referenz-Fachverfahren (Demo)",
              "enabled", true,
              "publicClient", false,
              "serviceAccountsEnabled", true,
              "standardFlowEnabled", false,
              "directAccessGrantsEnabled", false,
              "fullScopeAllowed", false,
              "protocolMappers",
                  List.of(
                      claim("rathaus_municipality", "musterstadt"),
                      claim("rathaus_destination", destination.toString())));
      admin.call("POST", "/clients", client);
      found = admin.call("GET", query, null);
    }
    String id = found.get(0).path("id").asText();
    return admin.call("POST", "/clients/" + id + "/client-secret", "").path("value").asText();
  }

  private static void grantManageClients(KeycloakAdminApi admin)
      throws IOException, InterruptedException {
    JsonNode user =
        admin.call("GET", "/users?exact=true&username=service-account-rathaus-admin", null);
    JsonNode management = admin.call("GET", "/clients?clientId=realm-management", null);
    if (user.isEmpty() || management.isEmpty()) {
      return;
    }
    String managementId = management.get(0).path("id").asText();
    JsonNode role = admin.call("GET", "/clients/" + managementId + "/roles/manage-clients", null);
    admin.call(
        "POST",
        "/users/" + user.get(0).path("id").asText() + "/role-mappings/clients/" + managementId,
        "[" + role + "]");
  }

  private static Map<String, Object> claim(String name, String value) {
    return Map.of(
        "name",
        name,
        "protocol",
        "openid-connect",
        "protocolMapper",
        "oidc-hardcoded-claim-mapper",
        "config",
        Map.of(
            "claim.name", name,
            "claim.value", value,
            "jsonType.label", "String",
            "access.token.claim", "true",
            "id.token.claim", "false",
            "userinfo.token.claim", "false"));
  }
}
