package eu.rathaus.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.rathaus.platform.DemoValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test double of an external resident register service, speaking the portal's contract ({@code
 * eu/rathaus/registers/resident-register-service.openapi.yaml} in services-ejb): OAuth 2.0 client
 * credentials at {@code /oauth2/token} (HTTP Basic), then bearer-protected reads of persons by
 * name, by id, by eID identity, their household and address history; every error as problem+json.
 * Its persons come from {@code register-service-persons.json} (the eID demo citizens as in the
 * built-in register and two persons only the double knows). Read-only and in memory; it listens on
 * loopback only.
 */
public final class LocalRegisterService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalRegisterService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long TOKEN_SECONDS = 300;

  /** The client the portal signs in as at the double (demo values, never for production). */
  public static final String CLIENT_ID = "rathaus-portal";

  public static final String CLIENT_SECRET = DemoValues.REGISTER_CLIENT_SECRET;

  private final HttpServer http;
  private final int port;
  private final Map<String, ObjectNode> persons = new LinkedHashMap<>();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  private LocalRegisterService(HttpServer http, int port) {
    this.http = http;
    this.port = port;
    try (InputStream in =
        LocalRegisterService.class.getResourceAsStream("register-service-persons.json")) {
      for (JsonNode p : JSON.readTree(in).path("persons")) {
        persons.put(p.path("id").asText(), (ObjectNode) p);
      }
    } catch (IOException | RuntimeException e) {
      throw new StackException("register-service-persons.json is unreadable: " + e, e);
    }
  }

  /** Starts on {@code 127.0.0.1:port}. */
  public static LocalRegisterService start(int port) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      LocalRegisterService service = new LocalRegisterService(http, port);
      http.createContext("/", service::handle);
      http.setExecutor(
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "register-service");
                t.setDaemon(true);
                return t;
              }));
      http.start();
      return service;
    } catch (IOException e) {
      throw new StackException(
          "Der Melderegister-Dienst (Attrappe) konnte nicht starten / the register service double"
              + " could not start on port "
              + port
              + ": "
              + e.getMessage(),
          e);
    }
  }

  public static LocalRegisterService start(StackConfig config) {
    return start(config.registerServicePort());
  }

  /** The base URL the portal's {@code RATHAUS_REGISTER_URL} names. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    http.stop(0);
  }

  // ---- routing

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/oauth2/token")) {
        if (method.equals("POST")) {
          token(exchange);
        } else {
          problem(exchange, 405, "Method not allowed", "POST only");
        }
        return;
      }
      if (!method.equals("GET")) {
        problem(exchange, 405, "Method not allowed", "the register is read-only");
        return;
      }
      if (!authorized(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        problem(exchange, 401, "Unauthorized", "a valid bearer token is required");
        return;
      }
      read(exchange, path.split("/"));
    } catch (RuntimeException e) {
      LOG.warn("Register service double: request failed: {}", e.toString());
      problem(exchange, 400, "Bad request", "the request could not be read");
    } finally {
      exchange.close();
    }
  }

  /** /municipalities/{m}/persons[/by-identity | /{id}[/household | /addresses]] */
  private void read(HttpExchange exchange, String[] parts) throws IOException {
    if (parts.length < 4 || !parts[1].equals("municipalities") || !parts[3].equals("persons")) {
      problem(exchange, 404, "Not found", "no such resource");
      return;
    }
    String municipality = parts[2];
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    if (parts.length == 4) {
      search(exchange, municipality, query);
    } else if (parts.length == 5 && parts[4].equals("by-identity")) {
      String pseudonym = query.getOrDefault("eidPseudonym", "");
      ObjectNode found =
          persons.values().stream()
              .filter(p -> p.path("municipalityId").asText().equals(municipality))
              .filter(
                  p -> !pseudonym.isEmpty() && pseudonym.equals(p.path("eidPseudonym").asText()))
              .findFirst()
              .orElse(null);
      if (found == null) {
        problem(exchange, 404, "Not found", "no person is linked to this identity");
      } else {
        send(exchange, 200, "application/json", person(found));
      }
    } else {
      ObjectNode p = persons.get(parts[4]);
      if (p == null || !p.path("municipalityId").asText().equals(municipality)) {
        problem(exchange, 404, "Not found", "no such person in this municipality");
      } else if (parts.length == 5) {
        send(exchange, 200, "application/json", person(p));
      } else if (parts.length == 6 && parts[5].equals("household")) {
        send(exchange, 200, "application/json", household(p));
      } else if (parts.length == 6 && parts[5].equals("addresses")) {
        send(exchange, 200, "application/json", p.path("addresses").deepCopy());
      } else {
        problem(exchange, 404, "Not found", "no such resource");
      }
    }
  }

  private void search(HttpExchange exchange, String municipality, Map<String, String> query)
      throws IOException {
    String q = query.getOrDefault("q", "").strip().toLowerCase(Locale.ROOT);
    int limit;
    try {
      limit = Integer.parseInt(query.getOrDefault("limit", "50"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (q.length() < 2 || limit < 1 || limit > 200) {
      problem(exchange, 400, "Bad request", "q needs two characters, limit 1 to 200");
      return;
    }
    String[] words = q.split("\\s+");
    List<ObjectNode> hits = new ArrayList<>();
    for (ObjectNode p : persons.values()) {
      String name =
          (p.path("givenNames").asText() + " " + p.path("familyName").asText())
              .toLowerCase(Locale.ROOT);
      boolean all = true;
      for (String w : words) {
        all &= name.contains(w);
      }
      if (all && p.path("municipalityId").asText().equals(municipality)) {
        hits.add(p);
      }
    }
    hits.sort(
        Comparator.comparing((ObjectNode p) -> p.path("familyName").asText())
            .thenComparing(p -> p.path("givenNames").asText())
            .thenComparing(p -> p.path("birthDate").asText()));
    ArrayNode answer = JSON.createArrayNode();
    for (ObjectNode p : hits.subList(0, Math.min(limit, hits.size()))) {
      ObjectNode s = answer.addObject();
      s.put("id", p.path("id").asText());
      s.put("givenNames", p.path("givenNames").asText());
      s.put("familyName", p.path("familyName").asText());
      s.put("birthDate", p.path("birthDate").asText());
      for (JsonNode a : p.path("addresses")) {
        if (a.path("movedOut").isNull() && a.path("residence").asText().equals("MAIN")) {
          s.put(
              "currentAddress",
              a.path("street").asText()
                  + " "
                  + a.path("houseNumber").asText()
                  + ", "
                  + a.path("postcode").asText()
                  + " "
                  + a.path("town").asText());
        }
      }
      s.put("blocked", blocked(p));
    }
    send(exchange, 200, "application/json", answer);
  }

  private static ObjectNode person(ObjectNode p) {
    ObjectNode copy = p.deepCopy();
    copy.remove("eidPseudonym");
    copy.remove("household");
    return copy;
  }

  private ArrayNode household(ObjectNode p) {
    ArrayNode members = JSON.createArrayNode();
    for (JsonNode link : p.path("household")) {
      ObjectNode m = persons.get(link.path("id").asText());
      if (m != null) {
        ObjectNode member = members.addObject();
        member.put("id", m.path("id").asText());
        member.put("givenNames", m.path("givenNames").asText());
        member.put("familyName", m.path("familyName").asText());
        member.put("birthDate", m.path("birthDate").asText());
        member.put("relation", link.path("relation").asText());
      }
    }
    return members;
  }

  private static boolean blocked(JsonNode p) {
    LocalDate today = LocalDate.now();
    for (JsonNode b : p.path("blocks")) {
      LocalDate since = LocalDate.parse(b.path("since").asText());
      boolean ended =
          !b.path("until").isNull()
              && !b.path("until").isMissingNode()
              && LocalDate.parse(b.path("until").asText()).isBefore(today);
      if (!since.isAfter(today) && !ended) {
        return true;
      }
    }
    return false;
  }

  // ---- OAuth 2.0 client credentials

  private void token(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!"client_credentials".equals(query(body).get("grant_type"))) {
      oauthError(exchange, 400, "unsupported_grant_type");
      return;
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      oauthError(exchange, 401, "invalid_client");
      return;
    }
    String[] pair;
    try {
      pair =
          new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8)
              .split(":", 2);
    } catch (IllegalArgumentException e) {
      oauthError(exchange, 401, "invalid_client");
      return;
    }
    if (pair.length != 2
        || !equal(decode(pair[0]), CLIENT_ID)
        || !equal(decode(pair[1]), CLIENT_SECRET)) {
      oauthError(exchange, 401, "invalid_client");
      return;
    }
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, Instant.now().plusSeconds(TOKEN_SECONDS));
    ObjectNode answer = JSON.createObjectNode();
    answer.put("access_token", token);
    answer.put("token_type", "Bearer");
    answer.put("expires_in", TOKEN_SECONDS);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    send(exchange, 200, "application/json", answer);
  }

  private boolean authorized(HttpExchange exchange) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    Instant until = tokens.get(auth.substring(7).strip());
    return until != null && Instant.now().isBefore(until);
  }

  private static boolean equal(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  // ---- HTTP helpers

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return values;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static void oauthError(HttpExchange exchange, int status, String error)
      throws IOException {
    send(exchange, status, "application/json", JSON.createObjectNode().put("error", error));
  }

  private static void problem(HttpExchange exchange, int status, String title, String detail)
      throws IOException {
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    send(exchange, status, "application/problem+json", problem);
  }

  private static void send(HttpExchange exchange, int status, String type, JsonNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
