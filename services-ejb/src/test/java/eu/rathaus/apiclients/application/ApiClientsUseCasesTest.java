package eu.rathaus.apiclients.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.apiclients.domain.ApiClient;
import eu.rathaus.apiclients.domain.ApiClientIdentities;
import eu.rathaus.apiclients.domain.ApiClientRepository;
import eu.rathaus.apiclients.domain.ApiScope;
import eu.rathaus.audit.application.RecordingAuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's use cases with the identity provider and the table played in memory: bad input and an
 * unreachable Keycloak store nothing; a foreign client is not found; every change is audited.
 */
class ApiClientsUseCasesTest {

  private static final UUID MUSTERSTADT = UUID.randomUUID();

  private final Map<UUID, ApiClient> rows = new LinkedHashMap<>();
  private final List<String> keycloak = new ArrayList<>();
  private final List<AuditEvent> audited = new ArrayList<>();
  private boolean keycloakAway;
  private ApiClients clients;

  @BeforeEach
  void wire() {
    clients = new ApiClients();
    clients.caller = new CallerScope();
    clients.caller.set(TenantScope.staff(MUSTERSTADT, "moritz"));
    clients.repository = new Rows();
    clients.identities = new Identities();
    clients.municipalities = new Municipalities();
    clients.audit = new RecordingAuditLog(audited);
  }

  @Test
  void badInputReachesNeitherKeycloakNorTheTable() {
    ApiClients.Issued refused =
        clients.create(" ", EnumSet.of(ApiScope.SUBMISSION), "http://app.example.org/cb", "0");
    assertThat(refused.isIssued()).isFalse();
    assertThat(refused.problems())
        .extracting(ApiClients.FieldProblem::field)
        .containsExactly("name", "redirectUris", "rate");
    assertThat(clients.create("App", EnumSet.noneOf(ApiScope.class), "", "").problems())
        .extracting(ApiClients.FieldProblem::key)
        .containsExactly("apiclients.scopes.required");
    assertThat(clients.create("App", EnumSet.of(ApiScope.SUBMISSION), "", "").problems())
        .extracting(ApiClients.FieldProblem::key)
        .containsExactly("apiclients.redirects.required");
    assertThat(keycloak).isEmpty();
    assertThat(rows).isEmpty();
    assertThat(audited).isEmpty();
  }

  @Test
  void withKeycloakAwayNothingIsStored() {
    keycloakAway = true;
    ApiClients.Issued refused = clients.create("App", EnumSet.of(ApiScope.PUBLIC_READ), "", "");
    assertThat(refused.problems())
        .extracting(ApiClients.FieldProblem::key)
        .containsExactly("apiclients.error.identity-provider");
    assertThat(rows).isEmpty();
    assertThat(audited).isEmpty();
  }

  @Test
  void createRotateDisableDeleteAreAuditedAndAForeignClientIsNotFound() {
    ApiClients.Issued issued =
        clients.create(
            "Stadt-App", EnumSet.allOf(ApiScope.class), "https://app.example.org/cb", "120");
    assertThat(issued.isIssued()).isTrue();
    UUID id = issued.client().id();
    assertThat(issued.client().clientId()).startsWith("api-musterstadt-");
    assertThat(rows.get(id).ratePerMinute()).isEqualTo(120);
    assertThat(keycloak).containsExactly("create " + issued.client().clientId() + " citizens");

    assertThat(clients.rotateSecret(id).secret()).isNotEqualTo(issued.secret());
    assertThat(clients.setEnabled(id, false)).isTrue();
    assertThat(rows.get(id).enabled()).isFalse();

    clients.caller.set(TenantScope.staff(UUID.randomUUID(), "berta"));
    assertThat(clients.find(id)).isEmpty();
    assertThat(clients.delete(id)).isFalse();
    assertThat(clients.rotateSecret(id).problems())
        .extracting(ApiClients.FieldProblem::key)
        .containsExactly("apiclients.notFound");

    clients.caller.set(TenantScope.citizen("erika"));
    assertThatThrownBy(clients::list).isInstanceOf(SecurityException.class);

    clients.caller.set(TenantScope.staff(MUSTERSTADT, "moritz"));
    assertThat(clients.delete(id)).isTrue();
    assertThat(rows).isEmpty();
    assertThat(audited)
        .extracting(AuditEvent::action)
        .containsExactly(
            "apiclients.created",
            "apiclients.secret-rotated",
            "apiclients.disabled",
            "apiclients.deleted");
    assertThat(audited).allMatch(e -> e.actor().equals("moritz"));
  }

  private final class Identities implements ApiClientIdentities {
    @Override
    public String create(
        String clientId,
        String name,
        String municipalitySlug,
        String apiClientId,
        boolean onBehalfOfCitizens,
        List<String> redirectUris) {
      away();
      keycloak.add("create " + clientId + (onBehalfOfCitizens ? " citizens" : ""));
      return UUID.randomUUID().toString();
    }

    @Override
    public String newSecret(String clientId) {
      away();
      return UUID.randomUUID().toString();
    }

    @Override
    public void setEnabled(String clientId, boolean enabled) {
      away();
    }

    @Override
    public void delete(String clientId) {
      away();
    }

    private void away() {
      if (keycloakAway) {
        throw new IllegalStateException("Keycloak away");
      }
    }
  }

  private final class Rows implements ApiClientRepository {
    @Override
    public List<ApiClient> of(UUID municipalityId) {
      return rows.values().stream().filter(c -> c.municipalityId().equals(municipalityId)).toList();
    }

    @Override
    public Optional<ApiClient> find(UUID municipalityId, UUID id) {
      return byId(id).filter(c -> c.municipalityId().equals(municipalityId));
    }

    @Override
    public Optional<ApiClient> byId(UUID id) {
      return Optional.ofNullable(rows.get(id));
    }

    @Override
    public void add(ApiClient client, String changedBy) {
      rows.put(client.id(), client);
    }

    @Override
    public void setEnabled(UUID id, boolean enabled, String changedBy, Instant now) {
      ApiClient c = rows.get(id);
      rows.put(
          id,
          new ApiClient(
              c.id(),
              c.municipalityId(),
              c.clientId(),
              c.name(),
              c.scopes(),
              c.redirectUris(),
              c.ratePerMinute(),
              enabled,
              c.createdAt(),
              c.secretIssuedAt()));
    }

    @Override
    public void secretIssued(UUID id, String changedBy, Instant now) {}

    @Override
    public void setRate(UUID id, Integer ratePerMinute, String changedBy, Instant now) {}

    @Override
    public void delete(UUID id) {
      rows.remove(id);
    }
  }

  private static final class Municipalities implements MunicipalityRepository {
    @Override
    public Optional<Municipality> findById(UUID id) {
      return Optional.of(
          new Municipality(id, "musterstadt", "Musterstadt", "09162000", "BY", null, "MUS"));
    }

    @Override
    public Optional<Municipality> findBySlug(String slug) {
      return Optional.empty();
    }

    @Override
    public List<Municipality> searchActive(String text, int limit) {
      return List.of();
    }
  }
}
