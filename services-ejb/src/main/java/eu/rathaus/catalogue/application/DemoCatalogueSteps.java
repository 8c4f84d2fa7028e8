package eu.rathaus.catalogue.application;

import eu.rathaus.catalogue.domain.ServiceDefinition;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.catalogue.domain.ServiceTemplate;
import eu.rathaus.catalogue.domain.ServiceTemplateRepository;
import eu.rathaus.catalogue.domain.TemplateDocument;
import eu.rathaus.catalogue.infrastructure.SeedLock;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions of {@link DemoCatalogue}, one per template and one per municipality and service,
 * so a failure leaves everything before it in place. Each starts by taking a database-wide lock:
 * the Arquillian server and the browser tests' server share one test database and may start at the
 * same time on a fresh one; the second then finds the work done instead of running into unique
 * keys.
 */
@ApplicationScoped
public class DemoCatalogueSteps {

  @Inject ServiceCatalogue catalogue;
  @Inject ServiceTemplateRepository templates;
  @Inject ServiceDefinitionRepository definitions;
  @Inject MunicipalityDirectory municipalities;
  @Inject SeedLock lock;

  /** Adds a shared template unless its service key exists; true if added. */
  @Transactional
  @TenantScoped
  public boolean addTemplateIfMissing(String templateJson) {
    lock.lock();
    TemplateDocument.Read read = TemplateDocument.read(templateJson);
    if (!read.isValid()) {
      throw new IllegalStateException("Demo template invalid: " + read.problems());
    }
    if (templates.findByServiceKey(read.template().serviceKey()).isPresent()) {
      return false;
    }
    requireDone(
        catalogue.addTemplate(templateJson, DemoCatalogue.ACTOR), read.template().serviceKey());
    return true;
  }

  /**
   * Adopts the template for the municipality, applies the local terms and publishes — unless the
   * municipality has that service already, or does not exist (then nothing happens); true if
   * published.
   */
  @Transactional
  @TenantScoped
  public boolean offerIfMissing(String slug, String serviceKey, LocalTerms terms) {
    lock.lock();
    Optional<MunicipalitySummary> municipality = municipalities.bySlug(slug);
    Optional<ServiceTemplate> template = templates.findByServiceKey(serviceKey);
    if (municipality.isEmpty() || template.isEmpty()) {
      return false;
    }
    UUID municipalityId = municipality.get().id();
    Optional<ServiceDefinition> existing = definitions.findByServiceKey(municipalityId, serviceKey);
    if (existing.isPresent() && existing.get().currentVersionId() != null) {
      return false;
    }
    UUID definitionId =
        existing.isPresent()
            ? existing.get().id()
            : requireDone(
                catalogue.adoptTemplate(municipalityId, serviceKey, DemoCatalogue.ACTOR),
                serviceKey);
    UUID draftId =
        requireDone(
            catalogue.openDraft(municipalityId, definitionId, DemoCatalogue.ACTOR), serviceKey);
    requireDone(
        catalogue.updateDraft(
            municipalityId, draftId, terms.applyTo(template.get().formJson()), DemoCatalogue.ACTOR),
        serviceKey);
    requireDone(catalogue.publish(municipalityId, draftId, DemoCatalogue.ACTOR), serviceKey);
    return true;
  }

  private static UUID requireDone(CatalogueOutcome outcome, String serviceKey) {
    if (!outcome.isDone()) {
      throw new IllegalStateException(
          "Demo service " + serviceKey + " refused: " + outcome.problems());
    }
    return outcome.id();
  }
}
