package eu.rathaus.catalogue.application;

import eu.rathaus.catalogue.domain.SearchText;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.catalogue.domain.ServiceListing;
import eu.rathaus.catalogue.domain.ServiceListingRepository;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.application.MunicipalityReadiness;
import eu.rathaus.tenancy.domain.ReadinessItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The catalogue as citizens, visitors and other portals see it: a municipality's offered services,
 * searchable, and one service's current version.
 *
 * <p>Always read in the <em>public</em> scope, whoever asks. The catalogue is public information
 * and must look the same to everybody: with the caller's own scope a clerk of Beispielheim (staff
 * scope, row-level security shows only their own municipality's rows) would find Musterstadt's page
 * empty, and a platform admin would see services that are not offered. The public scope lets
 * PostgreSQL return only active services and published versions (policies {@code *_public} of V3);
 * the queries filter by municipality and status as well.
 *
 * <p>A service whose municipality cannot take it (no reference code; a fee without payee account,
 * {@link MunicipalityReadiness}) is not offered: not listed, not found, not startable.
 */
@ApplicationScoped
@Transactional
public class CatalogueBrowser {

  /** More than any municipality offers today; a bound so one request can never read everything. */
  static final int MAX_RESULTS = 200;

  @Inject ServiceListingRepository listings;
  @Inject ServiceDefinitionRepository definitions;
  @Inject ServiceCatalogue catalogue;
  @Inject DatabaseTenantScope databaseScope;
  @Inject MunicipalityReadiness readiness;

  /**
   * Offered services of the municipality; those matching {@code query} best first if one is given.
   */
  public List<ServiceListing> services(UUID municipalityId, String query) {
    databaseScope.apply(TenantScope.anonymous());
    String text = SearchText.clean(query);
    List<ServiceListing> found =
        text.isEmpty()
            ? listings.offered(municipalityId, MAX_RESULTS)
            : listings.search(municipalityId, text, MAX_RESULTS);
    // Only what the municipality can take: the rule of ServiceCatalogue.currentVersion, per
    // listing.
    Set<ReadinessItem> missing = readiness.missing(municipalityId);
    return found.stream()
        .filter(s -> ServiceCatalogue.canTake(missing, s.feeTo().cents() > 0))
        .toList();
  }

  /** The current version of an offered service, found by its service key; empty if not offered. */
  public Optional<PublishedService> service(UUID municipalityId, String serviceKey) {
    if (serviceKey == null || !serviceKey.matches("[A-Za-z0-9._-]{1,40}")) {
      return Optional.empty();
    }
    databaseScope.apply(TenantScope.anonymous());
    return definitions
        .findByServiceKey(municipalityId, serviceKey)
        .flatMap(d -> catalogue.currentVersion(municipalityId, d.id()));
  }
}
