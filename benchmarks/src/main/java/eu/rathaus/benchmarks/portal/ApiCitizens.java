package eu.rathaus.benchmarks.portal;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rathaus.launcher.KeycloakAdminApi;
import eu.rathaus.launcher.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Recorder;

/**
 * P1 through the submission API: citizens of realm {@code rathaus} with a token of a public app
 * client (direct grant, as {@code SubmissionApiIT} plays an app), each submitting Musterstadt's
 * lost-property report as one JSON request with a fresh idempotency key. Created once per run
 * through Keycloak's admin API.
 */
final class ApiCitizens {

  static final String CLIENT = "bench-api-app";
  private static final String PASSWORD = "bench-api-secret-1";
  private static final String ANSWERS =
      "{\"answers\":{\"reportType\":\"lost\",\"itemCategory\":\"keys\",\"description\":"
          + "\"Schlüsselbund mit rotem Anhänger\",\"place\":\"Marktplatz\",\"date\":\"2026-12-01\","
          + "\"firstNames\":\"Ida\",\"lastName\":\"Bench\",\"email\":\"ida.bench@example.org\"}}";

  private final StackConfig config;
  private final URI endpoint;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private ApiCitizens(StackConfig config, URI endpoint) {
    this.config = config;
    this.endpoint = endpoint;
  }

  /** The app client and {@code count} citizens in Keycloak (kept when they exist). */
  static ApiCitizens create(StackConfig config, String municipality, String service, int count)
      throws IOException, InterruptedException {
    KeycloakAdminApi admin = KeycloakAdminApi.signIn(config);
    if (admin.call("GET", "/clients?clientId=" + CLIENT, null).isEmpty()) {
      admin.call(
          "POST",
          "/clients",
          Map.of(
              "clientId", CLIENT,
              "enabled", true,
              "publicClient", true,
              "standardFlowEnabled", false,
              "directAccessGrantsEnabled", true));
    }
    JsonNode citizenRole = admin.call("GET", "/roles/citizen", null);
    long signedInAt = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (System.nanoTime() - signedInAt > 30_000_000_000L) {
        // The master realm's admin token lives 60 s; on a loaded machine creating the users takes
        // longer (a run at load 25 got 401 in the middle).
        admin = KeycloakAdminApi.signIn(config);
        signedInAt = System.nanoTime();
      }
      String username = username(i);
      JsonNode existing = admin.call("GET", "/users?exact=true&username=" + username, null);
      if (!existing.isEmpty()) {
        // Kept from an earlier run; the role again, in case that run stopped between the two.
        admin.call(
            "POST",
            "/users/" + existing.get(0).path("id").asText() + "/role-mappings/realm",
            "[" + citizenRole + "]");
        continue;
      }
      admin.call(
          "POST",
          "/users",
          Map.of(
              "username",
              username,
              "email",
              username + "@example.org",
              "emailVerified",
              true,
              "enabled",
              true,
              "firstName",
              "Bench",
              "lastName",
              "Api " + i,
              "credentials",
              List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
      String id =
          admin
              .call("GET", "/users?exact=true&username=" + username, null)
              .get(0)
              .path("id")
              .asText();
      admin.call("POST", "/users/" + id + "/role-mappings/realm", "[" + citizenRole + "]");
    }
    return new ApiCitizens(
        config,
        URI.create(
            config.portalBaseUrl()
                + "/api/v1/municipalities/"
                + municipality
                + "/services/"
                + service
                + "/applications"));
  }

  private static String username(int i) {
    return "bench-api-" + i;
  }

  /** Citizen {@code i}'s loop body for a stage, with a token fetched now (before the clock). */
  Stage.Action citizen(int i) {
    String token;
    try {
      token = KeycloakAdminApi.passwordGrant(config, CLIENT, username(i), PASSWORD);
    } catch (IOException e) {
      throw new IllegalStateException("No token for " + username(i) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return recorder -> submit(token, recorder);
  }

  private void submit(String token, Recorder recorder) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(ANSWERS))
            .build();
    long t = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    Stage.record(recorder, System.nanoTime() - t);
    if (response.statusCode() != 201) {
      throw new IOException(
          "API answered "
              + response.statusCode()
              + ": "
              + response.body().substring(0, Math.min(200, response.body().length())));
    }
  }
}
