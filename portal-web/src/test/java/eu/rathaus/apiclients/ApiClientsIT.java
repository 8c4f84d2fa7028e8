package eu.rathaus.apiclients;

import static eu.rathaus.web.it.ItJourneys.BEISPIELHEIM;
import static eu.rathaus.web.it.ItJourneys.MUSTERSTADT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.apiclients.application.ApiClients;
import eu.rathaus.apiclients.domain.ApiScope;
import eu.rathaus.identity.admin.AdminSettings;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * API clients of a municipality (issue 14) for real: the admin's use case creates the Keycloak
 * client, the client gets tokens from Keycloak (client credentials; a citizen's token through it
 * with a password grant the test switches on, playing the app's sign-in) and calls the API. A
 * rotated secret refuses the old one, a disabled or deleted client is refused (new tokens and
 * earlier ones), a client of another municipality cannot submit for this one, and the rate limit
 * answers 429 problem details with Retry-After, then lets the client in again.
 */
@ExtendWith(ArquillianExtension.class)
class ApiClientsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "it-apiclients-admin";
  private static final String CATALOGUE = "/api/v1/municipalities/musterstadt/services";
  private static final String SUBMIT =
      "/api/v1/municipalities/musterstadt/services/demo.fundsache-verlust/applications";
  private static final String ANSWERS =
      """
      {"answers":{"reportType":"lost","itemCategory":"keys","description":"Schlüssel mit blauem Band",
       "place":"Rathausplatz","date":"2026-12-01","firstNames":"Ida","lastName":"Zugang","email":"ida.zugang@example.org"}}
      """;

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(ApiClientsIT.class);
  }

  @Inject ApiClients clients;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AdminSettings keycloak = AdminSettings.fromEnvironment();

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  private ApiClients.Issued create(UUID municipality, Set<ApiScope> scopes, String rate) {
    caller.set(TenantScope.staff(municipality, ADMIN));
    ApiClients.Issued issued =
        clients.create(
            "IT-App " + UUID.randomUUID().toString().substring(0, 6),
            scopes,
            scopes.contains(ApiScope.SUBMISSION) ? "http://localhost:3999/callback" : "",
            rate);
    assertTrue(issued.problems().isEmpty(), issued.problems().toString());
    assertFalse(issued.secret() == null || issued.secret().isBlank());
    return issued;
  }

  private HttpResponse<String> token(String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    keycloak.serverUrl()
                        + "/realms/"
                        + keycloak.realm()
                        + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
    return token(
        "grant_type=client_credentials&client_id="
            + enc(clientId)
            + "&client_secret="
            + enc(secret));
  }

  private String accessToken(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private static boolean refusedAtKeycloak(HttpResponse<String> response) {
    return response.statusCode() == 400 || response.statusCode() == 401;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> submit(String bearer, String key) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + SUBMIT))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(ANSWERS))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    return JSON.readTree(response.body());
  }

  private long audits(String action, UUID clientId) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            ((Number)
                    em.createNativeQuery(
                            "select count(*) from audit_entry where action = ?1 and subject_id = ?2"
                                + " and actor = ?3")
                        .setParameter(1, action)
                        .setParameter(2, clientId.toString())
                        .setParameter(3, ADMIN)
                        .getSingleResult())
                .longValue());
  }

  private long applicationsWith(String key) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            ((Number)
                    em.createNativeQuery(
                            "select count(*) from case_application where idempotency_key = ?1")
                        .setParameter(1, key)
                        .getSingleResult())
                .longValue());
  }

  @Test
  void aCreatedClientCallsTheApiAndARotatedSecretRefusesTheOldOne() throws Exception {
    ApiClients.Issued issued = create(MUSTERSTADT, EnumSet.of(ApiScope.PUBLIC_READ), "");
    String clientId = issued.client().clientId();
    assertTrue(clientId.startsWith("api-musterstadt-"), clientId);
    String token = accessToken(clientCredentials(clientId, issued.secret()));

    HttpResponse<String> catalogue = get(CATALOGUE, token);
    assertEquals(200, catalogue.statusCode(), catalogue.body());
    assertTrue(catalogue.body().contains("demo.fundsache-verlust"));
    assertEquals("1200", catalogue.headers().firstValue("RateLimit-Limit").orElse(null));
    assertTrue(catalogue.headers().firstValue("RateLimit-Remaining").isPresent());
    // Read-only: the submission API needs the scope "submission".
    JsonNode refused = problem(submit(token, UUID.randomUUID().toString()), 403);
    assertTrue(refused.path("type").asText().endsWith("/api-client-scope"));

    caller.set(TenantScope.staff(MUSTERSTADT, ADMIN));
    ApiClients.Issued rotated = clients.rotateSecret(issued.client().id());
    assertTrue(rotated.problems().isEmpty());
    assertNotEquals(issued.secret(), rotated.secret());
    HttpResponse<String> old = clientCredentials(clientId, issued.secret());
    assertEquals(401, old.statusCode(), old.body());
    String fresh = accessToken(clientCredentials(clientId, rotated.secret()));
    assertEquals(200, get(CATALOGUE, fresh).statusCode());

    assertEquals(1, audits("apiclients.created", issued.client().id()));
    assertEquals(1, audits("apiclients.secret-rotated", issued.client().id()));
    // Another municipality's admin does not find it.
    caller.set(TenantScope.staff(BEISPIELHEIM, ADMIN));
    assertTrue(clients.find(issued.client().id()).isEmpty());
    assertFalse(clients.setEnabled(issued.client().id(), false));
  }

  @Test
  void aDisabledOrDeletedClientGetsNoTokenAndItsEarlierTokenIsRefused() throws Exception {
    ApiClients.Issued issued = create(MUSTERSTADT, EnumSet.of(ApiScope.PUBLIC_READ), "");
    String clientId = issued.client().clientId();
    String token = accessToken(clientCredentials(clientId, issued.secret()));
    assertEquals(200, get(CATALOGUE, token).statusCode());

    caller.set(TenantScope.staff(MUSTERSTADT, ADMIN));
    assertTrue(clients.setEnabled(issued.client().id(), false));
    assertTrue(refusedAtKeycloak(clientCredentials(clientId, issued.secret())));
    JsonNode disabled = problem(get(CATALOGUE, token), 403);
    assertTrue(disabled.path("type").asText().endsWith("/api-client-disabled"));
    // Without the token the public catalogue stays public (limited per address).
    assertEquals(200, get(CATALOGUE, null).statusCode());

    assertTrue(clients.setEnabled(issued.client().id(), true));
    assertEquals(200, get(CATALOGUE, token).statusCode());

    assertTrue(clients.delete(issued.client().id()));
    assertTrue(clients.find(issued.client().id()).isEmpty());
    JsonNode deleted = problem(get(CATALOGUE, token), 401);
    assertTrue(deleted.path("type").asText().endsWith("/api-client-unknown"));
    assertTrue(refusedAtKeycloak(clientCredentials(clientId, issued.secret())));
    assertEquals(1, audits("apiclients.disabled", issued.client().id()));
    assertEquals(1, audits("apiclients.deleted", issued.client().id()));
  }

  @Test
  void aClientSubmitsForACitizenOfItsOwnMunicipalityOnly() throws Exception {
    ApiClients.Issued own = create(MUSTERSTADT, EnumSet.of(ApiScope.SUBMISSION), "");
    ApiClients.Issued foreign = create(BEISPIELHEIM, EnumSet.of(ApiScope.SUBMISSION), "");
    String citizen = "it-apiclient-" + UUID.randomUUID().toString().substring(0, 8);
    try (Keycloak admin = keycloak.adminClient()) {
      RealmResource realm = admin.realm(keycloak.realm());
      citizen(realm, citizen);
      // The test plays the app's sign-in of the citizen with a password grant.
      directGrant(realm, own.client().clientId());
      directGrant(realm, foreign.client().clientId());
    }
    String ownToken = citizenToken(own, citizen);
    String foreignToken = citizenToken(foreign, citizen);

    String key = UUID.randomUUID().toString();
    JsonNode refused = problem(submit(foreignToken, key), 403);
    assertTrue(refused.path("type").asText().endsWith("/other-municipality"));
    assertEquals(0, applicationsWith(key));

    HttpResponse<String> submitted = submit(ownToken, key);
    assertEquals(201, submitted.statusCode(), submitted.body());
    assertTrue(JSON.readTree(submitted.body()).path("reference").asText().startsWith("MUS-"));
    assertEquals(1, applicationsWith(key));

    // The client's own service account is no citizen: it cannot submit for anybody.
    String machine = accessToken(clientCredentials(own.client().clientId(), own.secret()));
    problem(submit(machine, UUID.randomUUID().toString()), 403);
  }

  @Test
  void overItsLimitAClientGets429WithRetryAfterThenItWorksAgain() throws Exception {
    // 3 a minute: a burst of 3, then one every 20 s (slow enough for a busy test machine).
    ApiClients.Issued issued = create(MUSTERSTADT, EnumSet.of(ApiScope.PUBLIC_READ), "3");
    String token = accessToken(clientCredentials(issued.client().clientId(), issued.secret()));
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> ok = get(CATALOGUE, token);
      assertEquals(200, ok.statusCode(), "request " + i);
      assertEquals("3", ok.headers().firstValue("RateLimit-Limit").orElse(null));
      assertEquals(
          String.valueOf(2 - i), ok.headers().firstValue("RateLimit-Remaining").orElse(null));
    }
    HttpResponse<String> limited = get(CATALOGUE, token);
    JsonNode problem = problem(limited, 429);
    assertTrue(problem.path("type").asText().endsWith("/rate-limited"));
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After " + retryAfter);
    assertEquals("0", limited.headers().firstValue("RateLimit-Remaining").orElse(null));

    Thread.sleep(retryAfter * 1000 + 200);
    assertEquals(200, get(CATALOGUE, token).statusCode());

    // The OpenAPI document describes the answer and its headers.
    String openapi = get("/openapi", null).body();
    assertTrue(openapi.contains("\"429\""), openapi);
    assertTrue(openapi.contains("Retry-After") && openapi.contains("RateLimit-Remaining"));
  }

  private static void citizen(RealmResource realm, String username) {
    UserRepresentation user = new UserRepresentation();
    user.setUsername(username);
    user.setEmail(username + "@example.org");
    user.setEmailVerified(true);
    user.setEnabled(true);
    user.setFirstName("Ida");
    user.setLastName("Zugang");
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue("it-secret-1");
    password.setTemporary(false);
    user.setCredentials(List.of(password));
    String id;
    try (Response response = realm.users().create(user)) {
      id = CreatedResponseUtil.getCreatedId(response);
    }
    realm
        .users()
        .get(id)
        .roles()
        .realmLevel()
        .add(List.of(realm.roles().get("citizen").toRepresentation()));
  }

  private static void directGrant(RealmResource realm, String clientId) {
    ClientRepresentation client = realm.clients().findByClientId(clientId).get(0);
    client.setDirectAccessGrantsEnabled(true);
    realm.clients().get(client.getId()).update(client);
  }

  private String citizenToken(ApiClients.Issued client, String username) throws Exception {
    return accessToken(
        token(
            "grant_type=password&client_id="
                + enc(client.client().clientId())
                + "&client_secret="
                + enc(client.secret())
                + "&username="
                + enc(username)
                + "&password=it-secret-1"));
  }
}
