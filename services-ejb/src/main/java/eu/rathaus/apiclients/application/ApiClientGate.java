package eu.rathaus.apiclients.application;

import eu.rathaus.apiclients.domain.ApiClient;
import eu.rathaus.apiclients.domain.ApiClientRepository;
import eu.rathaus.apiclients.domain.ApiScope;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The API's look-up of the API client a token names (claim {@code rathaus_api_client}), on every
 * request: whether it still exists and is enabled, its municipality, scopes and rate limit. Read
 * from the database each time (one indexed row), so disabling or deleting a client counts at once
 * on every node, even for tokens issued before.
 */
@ApplicationScoped
public class ApiClientGate {

  @Inject DatabaseTenantScope scope;
  @Inject ApiClientRepository repository;
  @Inject MunicipalityRepository municipalities;

  /** What the API needs to know of a client. */
  public record Grant(
      UUID id,
      String clientId,
      String municipalitySlug,
      Set<ApiScope> scopes,
      Integer ratePerMinute,
      boolean enabled) {}

  /** The client of the claim; empty if there is none (deleted) or the id is malformed. */
  @Transactional
  public Optional<Grant> grant(String apiClientId) {
    UUID id;
    try {
      id = apiClientId == null ? null : UUID.fromString(apiClientId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (id == null) {
      return Optional.empty();
    }
    scope.apply(TenantScope.platform("api-gate"));
    Optional<ApiClient> client = repository.byId(id);
    if (client.isEmpty()) {
      return Optional.empty();
    }
    ApiClient c = client.get();
    return municipalities
        .findById(c.municipalityId())
        .map(
            m ->
                new Grant(
                    c.id(), c.clientId(), m.slug(), c.scopes(), c.ratePerMinute(), c.enabled()));
  }
}
