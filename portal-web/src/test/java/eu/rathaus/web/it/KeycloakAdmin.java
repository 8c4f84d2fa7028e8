package eu.rathaus.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The test stack's Keycloak through its admin REST API, signed in as the bootstrap admin of realm
 * {@code master}: creates the upstream users an attack needs and reads what an account looks like
 * (links, roles, organizations, events). Plain HTTP + Jackson, so the test classpath needs no
 * RESTEasy client.
 */
public final class KeycloakAdmin {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final String token;

  private KeycloakAdmin(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** A fresh admin token (they live one minute; one instance per test step is enough). */
  public static KeycloakAdmin signIn() throws IOException, InterruptedException {
    var config = ItStack.config();
    return new KeycloakAdmin(
        config.keycloakUrl() + "/admin/realms/",
        passwordGrant(
            "master", "admin-cli", config.keycloakAdminUser(), config.keycloakAdminPassword()));
  }

  /** Id of the user with exactly this user name in {@code realm}, if any. */
  public Optional<String> userId(String realm, String username)
      throws IOException, InterruptedException {
    JsonNode users = get(realm + "/users?exact=true&username=" + enc(username));
    return users.size() == 0 ? Optional.empty() : Optional.of(users.get(0).get("id").asText());
  }

  /** Users of {@code realm} whose e-mail is exactly {@code email}. */
  public List<JsonNode> usersWithEmail(String realm, String email)
      throws IOException, InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    get(realm + "/users?exact=true&email=" + enc(email)).forEach(found::add);
    return found;
  }

  public JsonNode user(String realm, String id) throws IOException, InterruptedException {
    return get(realm + "/users/" + id);
  }

  /**
   * Creates an enabled user with a password, or resets the password and e-mail of the one that
   * exists (tests may run more than once against the same stack); returns its id.
   */
  public String ensureUser(String realm, String username, String email, String password)
      throws IOException, InterruptedException {
    Map<String, Object> user =
        Map.of(
            "username",
            username,
            "email",
            email,
            "emailVerified",
            true,
            "enabled",
            true,
            "firstName",
            "Test",
            "lastName",
            username,
            "credentials",
            List.of(Map.of("type", "password", "value", password, "temporary", false)));
    Optional<String> existing = userId(realm, username);
    if (existing.isPresent()) {
      send("PUT", realm + "/users/" + existing.get(), user, 204);
      return existing.get();
    }
    send("POST", realm + "/users", user, 201);
    return userId(realm, username).orElseThrow();
  }

  /**
   * Registers a confidential client in {@code realm} that realm {@code rathaus} can broker through
   * the identity provider {@code brokerAlias} (what a municipality does in its own directory before
   * onboarding). Does nothing if the client exists.
   */
  public void ensureBrokerClient(String realm, String clientId, String secret, String brokerAlias)
      throws IOException, InterruptedException {
    String keycloak = ItStack.config().keycloakUrl();
    ensureClient(
        realm,
        Map.of(
            "clientId",
            clientId,
            "enabled",
            true,
            "publicClient",
            false,
            "secret",
            secret,
            "standardFlowEnabled",
            true,
            "directAccessGrantsEnabled",
            false,
            "redirectUris",
            List.of(keycloak + "/realms/rathaus/broker/" + brokerAlias + "/endpoint*")));
  }

  /** Creates the client {@code representation} describes unless one with its id exists. */
  private void ensureClient(String realm, Map<String, Object> representation)
      throws IOException, InterruptedException {
    String clientId = String.valueOf(representation.get("clientId"));
    if (get(realm + "/clients?clientId=" + enc(clientId)).size() == 0) {
      send("POST", realm + "/clients", representation, 201);
    }
  }

  /**
   * Registers a public client in {@code realm} that may exchange a user name and password for
   * tokens (direct access grant): what a test plays an API client (app, chatbot) with, without a
   * browser. Does nothing if the client exists.
   */
  public void ensureDirectGrantClient(String realm, String clientId)
      throws IOException, InterruptedException {
    ensureClient(
        realm,
        Map.of(
            "clientId",
            clientId,
            "enabled",
            true,
            "publicClient",
            true,
            "standardFlowEnabled",
            false,
            "directAccessGrantsEnabled",
            true));
  }

  /**
   * An access token of {@code username} from {@code clientId} (see {@link
   * #ensureDirectGrantClient}).
   */
  public static String passwordGrant(
      String realm, String clientId, String username, String password)
      throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id="
            + enc(clientId)
            + "&username="
            + enc(username)
            + "&password="
            + enc(password);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        ItStack.config().keycloakUrl()
                            + "/realms/"
                            + realm
                            + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    check(response, 200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  /**
   * Sends the user Keycloak's execute-actions mail with a link back to {@code redirectUri} of
   * {@code clientId}.
   */
  public void executeActionsEmail(
      String realm, String userId, String clientId, String redirectUri, List<String> actions)
      throws IOException, InterruptedException {
    send(
        "PUT",
        realm
            + "/users/"
            + userId
            + "/execute-actions-email?client_id="
            + enc(clientId)
            + "&redirect_uri="
            + enc(redirectUri),
        actions,
        204);
  }

  /** Gives a user of realm {@code rathaus} a realm role. */
  public void grantRealmRole(String realm, String userId, String role)
      throws IOException, InterruptedException {
    JsonNode representation = get(realm + "/roles/" + enc(role));
    send("POST", realm + "/users/" + userId + "/role-mappings/realm", List.of(representation), 204);
  }

  /** Makes a user a member of the organization with this alias. */
  public void addToOrganization(String realm, String alias, String userId)
      throws IOException, InterruptedException {
    String organization = null;
    for (JsonNode org : get(realm + "/organizations?first=0&max=1000")) {
      if (alias.equals(org.get("alias").asText())) {
        organization = org.get("id").asText();
      }
    }
    if (organization == null) {
      throw new IllegalStateException("no organization " + alias);
    }
    send("POST", realm + "/organizations/" + organization + "/members", userId, 201);
  }

  /**
   * What an attack must not change: e-mail, realm roles, organizations and identity-provider links
   * of an account, as one comparable value.
   */
  public AccountState state(String realm, String userId) throws IOException, InterruptedException {
    JsonNode user = user(realm, userId);
    TreeSet<String> roles = new TreeSet<>();
    get(realm + "/users/" + userId + "/role-mappings/realm")
        .forEach(r -> roles.add(r.get("name").asText()));
    TreeSet<String> organizations = new TreeSet<>();
    get(realm + "/organizations/members/" + userId + "/organizations")
        .forEach(o -> organizations.add(o.get("alias").asText()));
    TreeSet<String> links = new TreeSet<>();
    get(realm + "/users/" + userId + "/federated-identity")
        .forEach(
            l -> links.add(l.get("identityProvider").asText() + ":" + l.get("userId").asText()));
    return new AccountState(
        user.path("username").asText(), user.path("email").asText(), roles, organizations, links);
  }

  /** Stored login events of {@code type} for a user of {@code realm}, newest first. */
  public List<JsonNode> events(String realm, String type, String userId)
      throws IOException, InterruptedException {
    List<JsonNode> events = new ArrayList<>();
    get(realm + "/events?type=" + enc(type) + "&user=" + enc(userId)).forEach(events::add);
    return events;
  }

  /** Snapshot of an account (see {@link #state}). */
  public record AccountState(
      String username,
      String email,
      TreeSet<String> roles,
      TreeSet<String> organizations,
      TreeSet<String> links) {}

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    check(response, 200);
    return JSON.readTree(response.body());
  }

  private void send(String method, String path, Object body, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    check(response, expected);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token);
  }

  private static void check(HttpResponse<String> response, int expected) {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
