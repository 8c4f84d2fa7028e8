package eu.rathaus.privacy.application;

import eu.rathaus.catalogue.application.CatalogueBrowser;
import eu.rathaus.catalogue.application.PublishedService;
import eu.rathaus.catalogue.domain.ServiceListing;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.privacy.domain.ProcessingActivity;
import eu.rathaus.privacy.infrastructure.ControllerSql;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A municipality's privacy notice (public, per municipality) and its records of processing
 * activities (its municipal admin), generated from the same data: the controller from the
 * municipality's settings and one {@link ProcessingActivity} per offered service from the service's
 * own configuration. Everything read is public catalogue and contact data, read in the public
 * scope.
 */
@ApplicationScoped
@Transactional
public class PrivacyNotices {

  @Inject MunicipalityDirectory directory;
  @Inject MunicipalityRepository municipalities;
  @Inject CatalogueBrowser catalogue;
  @Inject ControllerSql controllers;
  @Inject DatabaseTenantScope databaseScope;
  @Inject CallerScope caller;

  /** The notice of an active municipality; empty for unknown or suspended slugs. */
  public Optional<PrivacyNotice> forMunicipality(String slug) {
    databaseScope.apply(TenantScope.anonymous());
    return directory.activeBySlug(slug).map(this::notice);
  }

  /**
   * The records of processing of the caller's own municipality (staff scope only).
   *
   * @throws SecurityException for any other caller
   */
  public PrivacyNotice ownRecords() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("The records of processing belong to a municipality's staff");
    }
    databaseScope.apply(TenantScope.anonymous());
    Municipality own = municipalities.findById(scope.municipalityId()).orElseThrow();
    return notice(
        new MunicipalitySummary(own.id(), own.slug(), own.name(), own.ags(), own.state()));
  }

  private PrivacyNotice notice(MunicipalitySummary municipality) {
    UUID id = municipality.id();
    String[] c = controllers.of(id).orElse(new String[8]);
    Controller controller = new Controller(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    List<ProcessingActivity> activities = new ArrayList<>();
    for (ServiceListing listing : catalogue.services(id, null)) {
      Optional<PublishedService> service = catalogue.service(id, listing.serviceKey());
      service.ifPresent(s -> activities.add(ProcessingActivity.of(listing, s.form())));
    }
    return new PrivacyNotice(municipality.name(), municipality.slug(), controller, activities);
  }
}
