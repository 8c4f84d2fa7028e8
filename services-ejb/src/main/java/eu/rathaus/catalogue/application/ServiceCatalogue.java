package eu.rathaus.catalogue.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.catalogue.domain.FeeRule;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.ServiceDefinition;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.catalogue.domain.ServiceDefinitionStatus;
import eu.rathaus.catalogue.domain.ServiceTemplate;
import eu.rathaus.catalogue.domain.ServiceTemplateRepository;
import eu.rathaus.catalogue.domain.ServiceVersion;
import eu.rathaus.catalogue.domain.ServiceVersionRepository;
import eu.rathaus.catalogue.domain.TemplateDocument;
import eu.rathaus.tenancy.application.MunicipalityReadiness;
import eu.rathaus.tenancy.domain.ReadinessItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The catalogue's use cases for municipal administrators (drafting, publishing, retiring) and the
 * read that citizen pages need (the current published version).
 *
 * <p>Every method names the municipality it acts for, and every lookup is scoped to it: an id of
 * another municipality's service behaves exactly like an unknown id. Row-level security checks the
 * same scope again in the database. Who may call which method (municipal admin vs. citizen) is
 * decided by the caller, which knows the signed-in user; {@code actor} is recorded in the audit log
 * in the same transaction as the change.
 */
@ApplicationScoped
@Transactional
public class ServiceCatalogue {

  @Inject ServiceTemplateRepository templates;
  @Inject ServiceDefinitionRepository definitions;
  @Inject ServiceVersionRepository versions;
  @Inject AuditLog audit;
  @Inject MunicipalityReadiness readiness;

  Clock clock = Clock.systemUTC();

  /** Stores a shared template (platform scope only; RLS refuses it for others). */
  public CatalogueOutcome addTemplate(String templateJson, String actor) {
    TemplateDocument.Read read = TemplateDocument.read(templateJson);
    if (!read.isValid()) {
      return CatalogueOutcome.refused(read.problems());
    }
    TemplateDocument doc = read.template();
    if (templates.findByServiceKey(doc.serviceKey()).isPresent()) {
      return CatalogueOutcome.refused(
          List.of(Problem.of("serviceKey", "catalogue.service.keyTaken", doc.serviceKey())));
    }
    ServiceTemplate template =
        new ServiceTemplate(
            UUID.randomUUID(),
            doc.serviceKey(),
            doc.category(),
            doc.title(),
            doc.description(),
            doc.form(),
            now());
    templates.add(template);
    audit.record(
        new AuditEvent(
            actor,
            "service.template-added",
            "service_template",
            template.id().toString(),
            null,
            doc.serviceKey()));
    return CatalogueOutcome.done(template.id());
  }

  /**
   * Adopts a shared template: a new definition with the template's texts and a first draft holding
   * a copy of its form, which the municipality then adapts (fee, deadline, fields) and publishes.
   */
  public CatalogueOutcome adoptTemplate(UUID municipalityId, String serviceKey, String actor) {
    Optional<ServiceTemplate> template = templates.findByServiceKey(serviceKey);
    if (template.isEmpty()) {
      return CatalogueOutcome.refused(
          List.of(Problem.of("serviceKey", "catalogue.service.unknownTemplate", serviceKey)));
    }
    if (definitions.findByServiceKey(municipalityId, serviceKey).isPresent()) {
      return CatalogueOutcome.refused(
          List.of(Problem.of("serviceKey", "catalogue.service.keyTaken", serviceKey)));
    }
    ServiceDefinition definition =
        ServiceDefinition.adopt(UUID.randomUUID(), municipalityId, template.get(), now());
    definitions.add(definition);
    ServiceVersion draft =
        ServiceVersion.draft(
            UUID.randomUUID(),
            definition,
            1,
            FormDefinitionValidator.validate(template.get().formJson()),
            now());
    versions.add(draft);
    record(actor, "service.adopted", definition, serviceKey);
    return CatalogueOutcome.done(definition.id());
  }

  /**
   * A service of the municipality's own, not based on a shared template, with a first draft holding
   * {@code formJson} (refused if invalid, then nothing is stored).
   */
  public CatalogueOutcome createFromScratch(
      UUID municipalityId,
      String serviceKey,
      String category,
      LocalizedText title,
      LocalizedText description,
      String formJson,
      String actor) {
    if (definitions.findByServiceKey(municipalityId, serviceKey).isPresent()) {
      return CatalogueOutcome.refused(
          List.of(Problem.of("serviceKey", "catalogue.service.keyTaken", serviceKey)));
    }
    FormDefinitionValidator.Result content = FormDefinitionValidator.validate(formJson);
    if (!content.isValid()) {
      return CatalogueOutcome.refused(content.problems());
    }
    ServiceDefinition definition =
        ServiceDefinition.fromScratch(
            UUID.randomUUID(), municipalityId, serviceKey, category, title, description, now());
    definitions.add(definition);
    versions.add(ServiceVersion.draft(UUID.randomUUID(), definition, 1, content, now()));
    record(actor, "service.created", definition, serviceKey);
    return CatalogueOutcome.done(definition.id());
  }

  /**
   * The draft to edit for a definition: the open one if there is one (there is never more than one,
   * so two administrators cannot publish diverging drafts), otherwise a new draft that starts as a
   * copy of the current published version.
   */
  public CatalogueOutcome openDraft(UUID municipalityId, UUID definitionId, String actor) {
    ServiceDefinition definition = requireDefinition(municipalityId, definitionId);
    Optional<ServiceVersion> open = versions.findDraft(municipalityId, definitionId);
    if (open.isPresent()) {
      return CatalogueOutcome.done(open.get().id());
    }
    if (definition.currentVersionId() == null) {
      throw new IllegalStateException(
          "Definition " + definitionId + " has neither a draft nor a published version");
    }
    ServiceVersion current = requireVersion(municipalityId, definition.currentVersionId());
    ServiceVersion draft =
        ServiceVersion.draft(
            UUID.randomUUID(),
            definition,
            versions.highestNumber(municipalityId, definitionId) + 1,
            FormDefinitionValidator.validate(current.formJson()),
            now());
    versions.add(draft);
    record(actor, "service.draft-opened", definition, "version " + draft.number());
    return CatalogueOutcome.done(draft.id());
  }

  /**
   * Replaces a draft's content with {@code formJson} if it is valid; a published version refuses.
   */
  public CatalogueOutcome updateDraft(
      UUID municipalityId, UUID versionId, String formJson, String actor) {
    ServiceVersion version = requireVersion(municipalityId, versionId);
    if (version.isPublished()) {
      return CatalogueOutcome.refused(
          List.of(Problem.of("", "catalogue.service.versionFrozen", version.number())));
    }
    FormDefinitionValidator.Result content = FormDefinitionValidator.validate(formJson);
    if (!content.isValid()) {
      return CatalogueOutcome.refused(content.problems());
    }
    version.replaceContent(content);
    audit.record(
        new AuditEvent(
            actor,
            "service.draft-updated",
            "service_version",
            versionId.toString(),
            municipalityId,
            null));
    return CatalogueOutcome.done(versionId);
  }

  /** Freezes a draft and makes it the current version of its service. */
  public CatalogueOutcome publish(UUID municipalityId, UUID versionId, String actor) {
    ServiceVersion version = requireVersion(municipalityId, versionId);
    if (version.isPublished()) {
      return CatalogueOutcome.refused(
          List.of(Problem.of("", "catalogue.service.versionFrozen", version.number())));
    }
    ServiceDefinition definition = requireDefinition(municipalityId, version.definitionId());
    if (definition.status() != ServiceDefinitionStatus.ACTIVE) {
      return CatalogueOutcome.refused(List.of(Problem.of("", "catalogue.service.retired")));
    }
    // A published service must be able to take what it asks for: never a dead end for citizens.
    List<ReadinessItem> blocking =
        MunicipalityReadiness.blockingPublication(
            readiness.missing(municipalityId), charges(version.definition().fee()));
    if (!blocking.isEmpty()) {
      return CatalogueOutcome.refused(
          blocking.stream()
              .map(item -> Problem.of("", "catalogue.publish.missing." + item.name()))
              .toList());
    }
    definition.publish(version, now());
    record(actor, "service.version-published", definition, "version " + version.number());
    return CatalogueOutcome.done(versionId);
  }

  /** Whether some answers make the service cost something (a fee request needs a payee account). */
  static boolean charges(FeeRule fee) {
    if (fee instanceof FeeRule.Fixed fixed) {
      return fixed.amount().cents() > 0;
    }
    return fee instanceof FeeRule.ByChoice byChoice
        && byChoice.amounts().values().stream().anyMatch(m -> m.cents() > 0);
  }

  /** Hides a service from the catalogue; nothing is deleted. */
  public CatalogueOutcome retire(UUID municipalityId, UUID definitionId, String actor) {
    ServiceDefinition definition = requireDefinition(municipalityId, definitionId);
    definition.retire(now());
    record(actor, "service.retired", definition, null);
    return CatalogueOutcome.done(definitionId);
  }

  /** Changes the texts the catalogue shows for a service (its category, title and description). */
  public CatalogueOutcome describe(
      UUID municipalityId,
      UUID definitionId,
      String category,
      LocalizedText title,
      LocalizedText description,
      String actor) {
    ServiceDefinition definition = requireDefinition(municipalityId, definitionId);
    definition.describe(category, title, description);
    record(actor, "service.described", definition, null);
    return CatalogueOutcome.done(definitionId);
  }

  /** Offers a retired service again, with the version that was current when it was retired. */
  public CatalogueOutcome reactivate(UUID municipalityId, UUID definitionId, String actor) {
    ServiceDefinition definition = requireDefinition(municipalityId, definitionId);
    definition.reactivate();
    record(actor, "service.reactivated", definition, null);
    return CatalogueOutcome.done(definitionId);
  }

  /**
   * The version new applications start on, if the service is offered at all: published, active, and
   * its municipality can take the application (see {@link #canTake}). Joins the caller's
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<PublishedService> currentVersion(UUID municipalityId, UUID definitionId) {
    return definitions
        .find(municipalityId, definitionId)
        .filter(ServiceDefinition::isOffered)
        .flatMap(
            d -> versions.find(municipalityId, d.currentVersionId()).map(v -> toPublished(d, v)))
        .filter(
            service -> canTake(readiness.missing(municipalityId), charges(service.form().fee())));
  }

  /**
   * Whether a municipality lacking {@code missing} can take an application to a service ({@code
   * charges}: its fee can be above zero). The same rule as publishing: publishing refuses what the
   * municipality cannot take, and whatever changed behind the portal's back since (a payee account
   * removed in the database, a service published before the rule existed) is not offered either, so
   * a citizen never fills in a form that can only end in "cannot be submitted".
   */
  static boolean canTake(Set<ReadinessItem> missing, boolean charges) {
    return MunicipalityReadiness.blockingPublication(missing, charges).isEmpty();
  }

  /**
   * A published version by id, whether current or not: drafts and applications pinned to an older
   * version keep being shown and checked against exactly that one.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublishedService> publishedVersion(UUID municipalityId, UUID versionId) {
    return versions
        .find(municipalityId, versionId)
        .filter(ServiceVersion::isPublished)
        .flatMap(
            v -> definitions.find(municipalityId, v.definitionId()).map(d -> toPublished(d, v)));
  }

  private static PublishedService toPublished(ServiceDefinition d, ServiceVersion v) {
    return new PublishedService(
        d.id(),
        v.id(),
        v.number(),
        d.serviceKey(),
        d.category(),
        d.title(),
        d.description(),
        v.definition(),
        v.publishedAt());
  }

  private ServiceDefinition requireDefinition(UUID municipalityId, UUID definitionId) {
    return definitions
        .find(municipalityId, definitionId)
        .orElseThrow(() -> new NoSuchElementException("No service definition " + definitionId));
  }

  private ServiceVersion requireVersion(UUID municipalityId, UUID versionId) {
    return versions
        .find(municipalityId, versionId)
        .orElseThrow(() -> new NoSuchElementException("No service version " + versionId));
  }

  private void record(String actor, String action, ServiceDefinition definition, String details) {
    audit.record(
        new AuditEvent(
            actor,
            action,
            "service_definition",
            definition.id().toString(),
            definition.municipalityId(),
            details));
  }

  private Instant now() {
    return clock.instant();
  }
}
