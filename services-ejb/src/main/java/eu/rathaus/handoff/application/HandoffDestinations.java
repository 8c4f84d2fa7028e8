package eu.rathaus.handoff.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.catalogue.domain.ServiceDefinition;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.handoff.domain.Destination;
import eu.rathaus.handoff.domain.DestinationClients;
import eu.rathaus.handoff.domain.DestinationKeys;
import eu.rathaus.handoff.domain.HandoffRepository;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.platform.ResidencyPolicy;
import eu.rathaus.platform.Settings;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The municipal admin's choice per service: the back office in Rathaus (the default) or a
 * specialist procedure. Saving a procedure checks the endpoint and both keys (problems as message
 * keys {@code handoff.*} with their field, nothing stored on any), creates the destination's
 * confidential Keycloak client (scoped to the municipality by hard-coded claims) and issues its
 * secret, which the admin sees once. Every change is audited.
 *
 * <p>The municipality is the caller's staff scope, never a parameter; a foreign definition id is
 * simply not found.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class HandoffDestinations {

  private static final Logger LOG = Logger.getLogger(HandoffDestinations.class.getName());
  static final int MAX_ENDPOINT = 500;

  @Inject CallerScope caller;
  @Inject HandoffRepository repository;
  @Inject ServiceDefinitionRepository definitions;
  @Inject MunicipalityRepository municipalities;
  @Inject DestinationClients clients;
  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /** What the destination page shows of a service. */
  public record Setting(
      UUID definitionId,
      String serviceKey,
      String titleDe,
      String titleEn,
      boolean external,
      UUID destinationId,
      String endpoint,
      String encryptionJwk,
      String signatureJwk,
      String clientId)
      implements Serializable {}

  /** A refused input: the field and the message key. */
  public record FieldProblem(String field, String key) implements Serializable {}

  /**
   * The outcome of saving: the problems, or the destination with the client's new secret (shown
   * once).
   */
  public record Saved(
      List<FieldProblem> problems, UUID destinationId, String clientId, String clientSecret)
      implements Serializable {
    public boolean isSaved() {
      return problems.isEmpty();
    }
  }

  /** The service's current setting; empty for an unknown or foreign definition. */
  public Optional<Setting> of(UUID definitionId) {
    UUID m = municipality();
    Optional<ServiceDefinition> definition =
        definitionId == null ? Optional.empty() : definitions.find(m, definitionId);
    if (definition.isEmpty()) {
      return Optional.empty();
    }
    ServiceDefinition d = definition.get();
    Optional<Destination> destination = repository.destinationOf(m, d.id());
    return Optional.of(
        new Setting(
            d.id(),
            d.serviceKey(),
            d.title().de(),
            d.title().en(),
            destination.map(Destination::active).orElse(false),
            destination.map(Destination::id).orElse(null),
            destination.map(Destination::endpoint).orElse(null),
            destination.map(Destination::encryptionJwk).orElse(null),
            destination.map(Destination::signatureJwk).orElse(null),
            destination.map(Destination::clientId).orElse(null)));
  }

  /**
   * Hands the service's applications to a specialist procedure from now on.
   *
   * @throws java.util.NoSuchElementException for an unknown or foreign definition
   */
  public Saved useProcedure(
      UUID definitionId, String endpoint, String encryptionJwk, String signatureJwk) {
    UUID m = municipality();
    ServiceDefinition d =
        (definitionId == null
                ? Optional.<ServiceDefinition>empty()
                : definitions.find(m, definitionId))
            .orElseThrow();
    List<FieldProblem> problems = new ArrayList<>();
    String url = endpoint == null ? "" : endpoint.strip();
    if (!validEndpoint(url)) {
      problems.add(new FieldProblem("endpoint", "handoff.endpoint.invalid"));
    } else if (!withinResidency(url, Settings.value(ResidencyPolicy.KEY))) {
      problems.add(new FieldProblem("endpoint", "handoff.endpoint.residency"));
    }
    DestinationKeys.Checked keys = DestinationKeys.check(encryptionJwk, signatureJwk);
    keys.problems().forEach(p -> problems.add(new FieldProblem(p.field(), p.key())));
    if (!problems.isEmpty()) {
      return new Saved(List.copyOf(problems), null, null, null);
    }
    Optional<Destination> existing = repository.destinationOf(m, d.id());
    UUID id = existing.map(Destination::id).orElseGet(UUID::randomUUID);
    String clientId = existing.map(Destination::clientId).orElse(Destination.clientIdOf(id));
    String slug = municipalities.findById(m).orElseThrow().slug();
    String secret;
    try {
      // Keycloak first: if it is away nothing is stored; a retry finds the client and renews it.
      secret = clients.ensureClientWithNewSecret(clientId, slug, id.toString());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Destination client {0} not registered: {1}", new Object[] {clientId, e});
      return new Saved(
          List.of(new FieldProblem(null, "handoff.error.identity-provider")), null, null, null);
    }
    Destination destination =
        new Destination(
            id,
            m,
            d.id(),
            url,
            keys.keys().orElseThrow().encryptionJson(),
            keys.keys().orElseThrow().signatureJson(),
            clientId,
            true);
    repository.saveDestination(destination, actor(), clock.instant());
    audit.record(
        new AuditEvent(
            actor(),
            "handoff.destination-saved",
            "handoff_destination",
            id.toString(),
            m,
            d.serviceKey() + " -> " + url));
    return new Saved(List.of(), id, clientId, secret);
  }

  /** Back to the back office in Rathaus; false if the service had no active destination. */
  public boolean useBackOffice(UUID definitionId) {
    UUID m = municipality();
    Optional<Destination> existing =
        definitionId == null ? Optional.empty() : repository.destinationOf(m, definitionId);
    if (existing.isEmpty() || !existing.get().active()) {
      return false;
    }
    Destination d = existing.get();
    repository.saveDestination(
        new Destination(
            d.id(),
            d.municipalityId(),
            d.definitionId(),
            d.endpoint(),
            d.encryptionJwk(),
            d.signatureJwk(),
            d.clientId(),
            false),
        actor(),
        clock.instant());
    audit.record(
        new AuditEvent(
            actor(),
            "handoff.destination-removed",
            "handoff_destination",
            d.id().toString(),
            m,
            null));
    return true;
  }

  /**
   * Whether a valid endpoint's host is one the installation's residency policy ({@code
   * RATHAUS_RESIDENCY_HOSTS}) lets data go to; without a policy (a demo may run without one; a
   * production start refuses that) every host is. A policy that does not parse allows nothing.
   */
  static boolean withinResidency(String url, Optional<String> policy) {
    return ResidencyPolicy.allowsUrl(url, policy);
  }

  static boolean validEndpoint(String url) {
    if (url.isEmpty() || url.length() > MAX_ENDPOINT) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getUserInfo() == null;
    } catch (Exception e) {
      return false;
    }
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Destinations are set by staff of a municipality");
    }
    return scope.municipalityId();
  }

  private String actor() {
    String subject = caller.get().subject();
    return subject == null ? "unknown" : subject;
  }
}
