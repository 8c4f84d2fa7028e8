package eu.rathaus.registers.residents.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.registers.residents.domain.Address;
import eu.rathaus.registers.residents.domain.BlockNote;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.registers.residents.domain.RegisterUnavailable.Cause;
import eu.rathaus.registers.residents.domain.Residence;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentRegister;
import eu.rathaus.registers.residents.domain.ResidentSummary;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The resident register of an external register service, over the contract in {@code
 * eu/rathaus/registers/resident-register-service.openapi.yaml}: JDK HttpClient, OAuth 2.0 client
 * credentials (token cached until shortly before it expires, fetched again once on a 401), a
 * timeout on connecting and on every answer. Whatever goes wrong — no connection, no answer in
 * time, refused credentials, an error or unreadable answer — becomes a {@link RegisterUnavailable}
 * naming the cause; a 404 is "no such person". Read-only, like the contract.
 */
public class HttpResidentRegister implements ResidentRegister {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM = "application/problem+json";

  private final RegisterServiceSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private String token;
  private Instant tokenValidUntil = Instant.MIN;

  public HttpResidentRegister(RegisterServiceSettings settings) {
    this(settings, Clock.systemUTC());
  }

  HttpResidentRegister(RegisterServiceSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public RegisterServiceSettings settings() {
    return settings;
  }

  @Override
  public List<ResidentSummary> search(UUID municipality, String query, int limit) {
    if (query == null || query.strip().length() < 2) {
      return List.of();
    }
    JsonNode hits =
        get(persons(municipality) + "?q=" + encode(query.strip()) + "&limit=" + limit)
            .orElseThrow(() -> new RegisterUnavailable(Cause.ERROR_ANSWER, "search answered 404"));
    List<ResidentSummary> summaries = new ArrayList<>();
    for (JsonNode h : array(hits)) {
      summaries.add(
          new ResidentSummary(
              uuid(h, "id"),
              text(h, "givenNames"),
              text(h, "familyName"),
              date(h, "birthDate"),
              optionalText(h, "currentAddress"),
              h.path("blocked").asBoolean(false)));
    }
    return summaries;
  }

  @Override
  public Optional<Resident> find(UUID municipality, UUID id) {
    if (id == null) {
      return Optional.empty();
    }
    String person = persons(municipality) + "/" + id;
    return get(person)
        .map(p -> resident(p, household(get(person + "/household").orElse(null)), municipality));
  }

  @Override
  public Optional<Resident> findOwn(UUID municipality, String eidPseudonym) {
    if (eidPseudonym == null || eidPseudonym.isBlank()) {
      return Optional.empty();
    }
    Optional<JsonNode> own =
        get(persons(municipality) + "/by-identity?eidPseudonym=" + encode(eidPseudonym));
    if (own.isEmpty()) {
      return Optional.empty();
    }
    String person = persons(municipality) + "/" + uuid(own.get(), "id");
    return Optional.of(
        resident(own.get(), household(get(person + "/household").orElse(null)), municipality));
  }

  private String persons(UUID municipality) {
    String base = settings.baseUrl().toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/municipalities/"
        + municipality
        + "/persons";
  }

  // ---- HTTP

  /** The JSON answer of a GET, empty on 404. */
  private Optional<JsonNode> get(String url) {
    HttpResponse<byte[]> response = send(url, bearer());
    if (response.statusCode() == 401) {
      forgetToken();
      response = send(url, bearer());
    }
    int status = response.statusCode();
    if (status == 404) {
      return Optional.empty();
    }
    if (status == 401 || status == 403) {
      throw new RegisterUnavailable(
          Cause.REFUSED_CREDENTIALS, "GET " + path(url) + " answered " + problem(response));
    }
    if (status != 200) {
      throw new RegisterUnavailable(
          Cause.ERROR_ANSWER, "GET " + path(url) + " answered " + problem(response));
    }
    return Optional.of(parse(response, "GET " + path(url)));
  }

  private HttpResponse<byte[]> send(String url, String bearer) {
    return exchange(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(settings.timeout())
            .header("Accept", "application/json, " + PROBLEM)
            .header("Authorization", "Bearer " + bearer)
            .GET()
            .build(),
        "GET " + path(url));
  }

  private synchronized String bearer() {
    if (token != null && clock.instant().isBefore(tokenValidUntil)) {
      return token;
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response =
        exchange(
            HttpRequest.newBuilder(settings.tokenUrl())
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=register.read"))
                .build(),
            "token");
    if (response.statusCode() == 400 || response.statusCode() == 401) {
      throw new RegisterUnavailable(
          Cause.REFUSED_CREDENTIALS, "the token endpoint answered " + problem(response));
    }
    if (response.statusCode() != 200) {
      throw new RegisterUnavailable(
          Cause.ERROR_ANSWER, "the token endpoint answered " + problem(response));
    }
    JsonNode answer = parse(response, "token");
    String value = answer.path("access_token").asText("");
    if (value.isEmpty() || !"bearer".equalsIgnoreCase(answer.path("token_type").asText())) {
      throw new RegisterUnavailable(Cause.UNREADABLE_ANSWER, "the token answer has no bearer");
    }
    long seconds = Math.max(0, answer.path("expires_in").asLong(60) - 30);
    token = value;
    tokenValidUntil = clock.instant().plusSeconds(seconds);
    return token;
  }

  private synchronized void forgetToken() {
    token = null;
    tokenValidUntil = Instant.MIN;
  }

  private HttpResponse<byte[]> exchange(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new RegisterUnavailable(
          Cause.TIMEOUT, what + ": no answer within " + settings.timeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw new RegisterUnavailable(Cause.UNREACHABLE, what + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegisterUnavailable(Cause.UNREACHABLE, what + ": interrupted", e);
    }
  }

  private static JsonNode parse(HttpResponse<byte[]> response, String what) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RegisterUnavailable(Cause.UNREADABLE_ANSWER, what + ": no JSON", e);
    }
  }

  /** Status and, from a problem+json answer, its title and detail (never the whole body). */
  private static String problem(HttpResponse<byte[]> response) {
    String said = "";
    if (response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM)) {
      try {
        JsonNode p = JSON.readTree(response.body());
        said =
            (" " + p.path("title").asText("") + " " + p.path("detail").asText("")).stripTrailing();
      } catch (IOException e) {
        said = " (unreadable problem)";
      }
    }
    return response.statusCode() + said;
  }

  private String path(String url) {
    return URI.create(url).getPath();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ---- JSON → domain (anything missing or malformed is an unreadable answer)

  private static Resident resident(JsonNode p, List<HouseholdMember> household, UUID municipality) {
    UUID municipalityId = uuid(p, "municipalityId");
    if (!municipality.equals(municipalityId)) {
      throw new RegisterUnavailable(
          Cause.UNREADABLE_ANSWER, "a person of another municipality was answered");
    }
    List<Address> addresses = new ArrayList<>();
    for (JsonNode a : array(p.path("addresses"))) {
      addresses.add(
          new Address(
              text(a, "street"),
              text(a, "houseNumber"),
              text(a, "postcode"),
              text(a, "town"),
              date(a, "movedIn"),
              a.hasNonNull("movedOut") ? date(a, "movedOut") : null,
              enumValue(Residence.class, a, "residence")));
    }
    List<BlockNote> blocks = new ArrayList<>();
    for (JsonNode b : array(p.path("blocks"))) {
      blocks.add(
          new BlockNote(
              enumValue(BlockNote.Kind.class, b, "kind"),
              text(b, "reason"),
              date(b, "since"),
              b.hasNonNull("until") ? date(b, "until") : null));
    }
    return new Resident(
        uuid(p, "id"),
        municipalityId,
        text(p, "givenNames"),
        text(p, "familyName"),
        optionalText(p, "birthName"),
        date(p, "birthDate"),
        optionalText(p, "birthPlace"),
        p.hasNonNull("nationality") ? text(p, "nationality") : "deutsch",
        addresses,
        household,
        blocks);
  }

  private static List<HouseholdMember> household(JsonNode members) {
    if (members == null) {
      return List.of();
    }
    List<HouseholdMember> household = new ArrayList<>();
    for (JsonNode m : array(members)) {
      household.add(
          new HouseholdMember(
              uuid(m, "id"),
              text(m, "givenNames"),
              text(m, "familyName"),
              date(m, "birthDate"),
              enumValue(HouseholdMember.Relation.class, m, "relation")));
    }
    return household;
  }

  private static Iterable<JsonNode> array(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new RegisterUnavailable(Cause.UNREADABLE_ANSWER, "a list was expected");
    }
    return node;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new RegisterUnavailable(Cause.UNREADABLE_ANSWER, "'" + field + "' is missing");
    }
    return value.asText().strip();
  }

  private static String optionalText(JsonNode node, String field) {
    return node.hasNonNull(field) ? text(node, field) : null;
  }

  private static UUID uuid(JsonNode node, String field) {
    try {
      return UUID.fromString(text(node, field));
    } catch (IllegalArgumentException e) {
      throw new RegisterUnavailable(Cause.UNREADABLE_ANSWER, "'" + field + "' is no UUID");
    }
  }

  private static LocalDate date(JsonNode node, String field) {
    try {
      return LocalDate.parse(text(node, field));
    } catch (java.time.format.DateTimeParseException e) {
      throw new RegisterUnavailable(Cause.UNREADABLE_ANSWER, "'" + field + "' is no date");
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field) {
    try {
      return Enum.valueOf(type, text(node, field));
    } catch (IllegalArgumentException e) {
      throw new RegisterUnavailable(Cause.UNREADABLE_ANSWER, "'" + field + "' is unknown");
    }
  }

  @Override
  public List<HouseholdMember> ownHousehold(UUID municipality, String eidPseudonym) {
    return findOwn(municipality, eidPseudonym).map(Resident::household).orElse(List.of());
  }

  @Override
  public Optional<Resident> findLinked(UUID municipality, String eidPseudonym) {
    return findOwn(municipality, eidPseudonym);
  }

  /**
   * The contract (resident-register-service.openapi.yaml) only reads: a change of address is
   * written by the register's own procedure, so approving one here is refused, nothing written (and
   * nothing sent). The same holds for every other write below.
   */
  @Override
  public void move(
      UUID municipality,
      UUID resident,
      eu.rathaus.registers.residents.domain.MoveRequest.NewAddress address,
      LocalDate movingDate) {
    throw refuse("changes of address");
  }

  @Override
  public UUID register(
      UUID municipality,
      String givenNames,
      String familyName,
      LocalDate birthDate,
      String eidPseudonym,
      eu.rathaus.registers.residents.domain.MoveRequest.NewAddress address,
      LocalDate movingDate) {
    throw refuse("registrations");
  }

  @Override
  public void recordPreviousAddress(
      UUID municipality,
      UUID resident,
      eu.rathaus.registers.residents.domain.MoveRequest.NewAddress address,
      LocalDate until) {
    throw refuse("address history");
  }

  @Override
  public void joinHousehold(UUID municipality, List<UUID> residents) {
    throw refuse("household links");
  }

  /** The refusal of a write the read-only contract has no operation for; nothing is sent. */
  private static RegisterUnavailable refuse(String what) {
    return new RegisterUnavailable(
        Cause.ERROR_ANSWER, "the external register service takes no " + what);
  }
}
