package eu.rathaus.apiclients.application;

import eu.rathaus.apiclients.domain.ApiClient;
import eu.rathaus.apiclients.domain.ApiClientIdentities;
import eu.rathaus.apiclients.domain.ApiClientRepository;
import eu.rathaus.apiclients.domain.ApiScope;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The municipal admin's API clients: create one (a confidential Keycloak client scoped to the
 * municipality; its secret is shown once and never stored by the portal), issue a new secret (the
 * old one stops working), disable, enable, set its rate limit, delete. Every change is audited.
 *
 * <p>The municipality is the caller's staff scope, never a parameter; a foreign client's id is
 * simply not found. Keycloak is changed first: if it cannot be reached nothing is stored.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ApiClients {

  private static final Logger LOG = Logger.getLogger(ApiClients.class.getName());
  static final int MAX_NAME = 120;
  static final int MAX_REDIRECTS = 10;
  static final int MAX_RATE = 100_000;

  @Inject CallerScope caller;
  @Inject ApiClientRepository repository;
  @Inject ApiClientIdentities identities;
  @Inject MunicipalityRepository municipalities;
  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /** A refused input: the field (null for the whole form) and the message key. */
  public record FieldProblem(String field, String key) implements Serializable {}

  /** The outcome of creating or of a new secret: problems, or the client with its secret. */
  public record Issued(List<FieldProblem> problems, ApiClient client, String secret)
      implements Serializable {
    public boolean isIssued() {
      return problems.isEmpty();
    }

    static Issued refused(FieldProblem... problems) {
      return new Issued(List.of(problems), null, null);
    }
  }

  public List<ApiClient> list() {
    return repository.of(municipality());
  }

  public Optional<ApiClient> find(UUID id) {
    return id == null ? Optional.empty() : repository.find(municipality(), id);
  }

  /**
   * Creates an API client.
   *
   * @param redirectUris one per line; required with {@link ApiScope#SUBMISSION}
   * @param ratePerMinute blank for the installation's default
   */
  public Issued create(
      String name, Set<ApiScope> scopes, String redirectUris, String ratePerMinute) {
    UUID m = municipality();
    List<FieldProblem> problems = new ArrayList<>();
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME) {
      problems.add(new FieldProblem("name", "apiclients.name.invalid"));
    }
    if (scopes == null || scopes.isEmpty()) {
      problems.add(new FieldProblem("scopes", "apiclients.scopes.required"));
    }
    List<String> redirects = redirectUris(redirectUris);
    boolean submission = scopes != null && scopes.contains(ApiScope.SUBMISSION);
    if (redirects == null) {
      problems.add(new FieldProblem("redirectUris", "apiclients.redirects.invalid"));
    } else if (submission && redirects.isEmpty()) {
      problems.add(new FieldProblem("redirectUris", "apiclients.redirects.required"));
    }
    Optional<Integer> rate = rate(ratePerMinute);
    if (rate == null) {
      problems.add(new FieldProblem("rate", "apiclients.rate.invalid"));
    }
    if (!problems.isEmpty()) {
      return new Issued(List.copyOf(problems), null, null);
    }
    UUID id = UUID.randomUUID();
    String slug = municipalities.findById(m).orElseThrow().slug();
    String clientId = ApiClient.clientIdOf(slug, id);
    List<String> uris = submission ? redirects : List.of();
    String secret;
    try {
      secret = identities.create(clientId, n, slug, id.toString(), submission, uris);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "API client {0} not registered: {1}", new Object[] {clientId, e});
      return Issued.refused(new FieldProblem(null, "apiclients.error.identity-provider"));
    }
    Instant now = clock.instant();
    ApiClient client =
        new ApiClient(id, m, clientId, n, scopes, uris, rate.orElse(null), true, now, now);
    repository.add(client, actor());
    audit.record(
        new AuditEvent(
            actor(),
            "apiclients.created",
            "api_client",
            id.toString(),
            m,
            clientId + " " + ApiScope.join(scopes)));
    return new Issued(List.of(), client, secret);
  }

  /** A new secret for the client; the old one stops working at once. */
  public Issued rotateSecret(UUID id) {
    Optional<ApiClient> client = find(id);
    if (client.isEmpty()) {
      return Issued.refused(new FieldProblem(null, "apiclients.notFound"));
    }
    String secret;
    try {
      secret = identities.newSecret(client.get().clientId());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "API client secret not renewed: {0}", e.toString());
      return Issued.refused(new FieldProblem(null, "apiclients.error.identity-provider"));
    }
    repository.secretIssued(id, actor(), clock.instant());
    record("apiclients.secret-rotated", client.get(), null);
    return new Issued(List.of(), find(id).orElseThrow(), secret);
  }

  /**
   * Enables or disables the client: a disabled client gets no token and its tokens are refused.
   *
   * @return false for an unknown client or if Keycloak could not be changed
   */
  public boolean setEnabled(UUID id, boolean enabled) {
    Optional<ApiClient> client = find(id);
    if (client.isEmpty()) {
      return false;
    }
    try {
      identities.setEnabled(client.get().clientId(), enabled);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "API client not changed: {0}", e.toString());
      return false;
    }
    repository.setEnabled(id, enabled, actor(), clock.instant());
    record(enabled ? "apiclients.enabled" : "apiclients.disabled", client.get(), null);
    return true;
  }

  /**
   * Sets the client's own rate limit (blank: the installation's default).
   *
   * @return false for an unknown client or a bad number
   */
  public boolean setRate(UUID id, String ratePerMinute) {
    Optional<ApiClient> client = find(id);
    Optional<Integer> rate = rate(ratePerMinute);
    if (client.isEmpty() || rate == null) {
      return false;
    }
    repository.setRate(id, rate.orElse(null), actor(), clock.instant());
    record("apiclients.rate-changed", client.get(), rate.map(String::valueOf).orElse("default"));
    return true;
  }

  /**
   * Deletes the client in Keycloak and here; its tokens are refused from then on.
   *
   * @return false for an unknown client or if Keycloak could not be changed
   */
  public boolean delete(UUID id) {
    Optional<ApiClient> client = find(id);
    if (client.isEmpty()) {
      return false;
    }
    try {
      identities.delete(client.get().clientId());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "API client not deleted: {0}", e.toString());
      return false;
    }
    repository.delete(id);
    record("apiclients.deleted", client.get(), null);
    return true;
  }

  private void record(String action, ApiClient client, String details) {
    audit.record(
        new AuditEvent(
            actor(),
            action,
            "api_client",
            client.id().toString(),
            client.municipalityId(),
            details == null ? client.clientId() : client.clientId() + " " + details));
  }

  /** Redirect URIs, one per line: absolute https URIs (http only for localhost); null if bad. */
  static List<String> redirectUris(String text) {
    List<String> uris = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return uris;
    }
    for (String line : text.split("\\R")) {
      String uri = line.strip();
      if (uri.isEmpty()) {
        continue;
      }
      if (uri.length() > 190 || !validRedirect(uri) || uris.size() >= MAX_REDIRECTS) {
        return null;
      }
      uris.add(uri);
    }
    return uris;
  }

  static boolean validRedirect(String text) {
    try {
      URI uri = new URI(text);
      String host = uri.getHost();
      if (host == null || uri.getUserInfo() != null || uri.getFragment() != null) {
        return false;
      }
      if (text.contains("*")) {
        return false;
      }
      boolean local = host.equals("localhost") || host.endsWith(".localhost");
      return "https".equals(uri.getScheme()) || (local && "http".equals(uri.getScheme()));
    } catch (Exception e) {
      return false;
    }
  }

  /** Empty for blank (the default), the number, or null if it is not one in range. */
  static Optional<Integer> rate(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      int rate = Integer.parseInt(text.strip());
      return rate >= 1 && rate <= MAX_RATE ? Optional.of(rate) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("API clients are managed by staff of a municipality");
    }
    return scope.municipalityId();
  }

  private String actor() {
    String subject = caller.get().subject();
    return subject == null ? "unknown" : subject;
  }
}
