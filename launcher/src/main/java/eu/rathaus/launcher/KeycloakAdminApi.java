package eu.rathaus.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Keycloak's admin REST API as the local stack's master admin, for what the launcher and the
 * benchmarks set up in realm {@code rathaus} (the demo's specialist procedure client, the
 * benchmark's API citizens). Paths are relative to {@code /admin/realms/rathaus}.
 */
public final class KeycloakAdminApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final StackConfig config;
  private final String realmUrl;
  private volatile String token;

  private KeycloakAdminApi(StackConfig config, String token) {
    this.config = config;
    this.realmUrl = config.keycloakUrl() + "/admin/realms/" + StackConfig.REALM;
    this.token = token;
  }

  /** Signs in as the master admin of the stack's Keycloak (admin-cli, password grant). */
  public static KeycloakAdminApi signIn(StackConfig config)
      throws IOException, InterruptedException {
    return new KeycloakAdminApi(config, adminToken(config));
  }

  private static String adminToken(StackConfig config) throws IOException, InterruptedException {
    return tokenRequest(
            config.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
            "grant_type=password&client_id=admin-cli&username="
                + enc(config.keycloakAdminUser())
                + "&password="
                + enc(config.keycloakAdminPassword()))
        .path("access_token")
        .asText();
  }

  /**
   * An access token of a user of realm {@code rathaus} through a public client with direct access
   * grants (as an app of the submission API would hold it).
   */
  public static String passwordGrant(
      StackConfig config, String clientId, String username, String password)
      throws IOException, InterruptedException {
    return tokenRequest(
            config.oidcProviderUrl() + "/protocol/openid-connect/token",
            "grant_type=password&client_id="
                + enc(clientId)
                + "&username="
                + enc(username)
                + "&password="
                + enc(password))
        .path("access_token")
        .asText();
  }

  private static JsonNode tokenRequest(String url, String form)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak token endpoint answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  /** Calls {@code method path} with a JSON body (or none); the answer's JSON, empty if none. */
  public JsonNode call(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() == 401) {
      // The master admin's token lives 60 s; setting up many users on a busy machine outlives it.
      token = adminToken(config);
      response = send(method, path, body);
    }
    if (response.statusCode() >= 300) {
      throw new IOException(method + " " + path + " answered " + response.statusCode());
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(realmUrl + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  body instanceof String text ? text : JSON.writeValueAsString(body)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** URL-encodes a query parameter value. */
  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
