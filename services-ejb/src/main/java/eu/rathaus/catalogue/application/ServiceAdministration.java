package eu.rathaus.catalogue.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipal admin's service administration: the own municipality's definitions, adopting a
 * template, creating from scratch, editing the draft, publishing, retiring, export and import.
 *
 * <p>The municipality is never a parameter: it is taken from the caller's tenant scope, which the
 * web layer sets from the signed-in staff member. So a page cannot ask for another municipality's
 * data even by mistake — a foreign id is looked up in the caller's municipality and simply not
 * found ({@link NoSuchElementException}); row-level security refuses the same in PostgreSQL. Writes
 * are delegated to {@link ServiceCatalogue}, which records every change in the audit log in the
 * same transaction.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ServiceAdministration {

  /** The form a service made from scratch starts with: one step with one field, ready to edit. */
  static final String STARTER_FORM =
      """
      {"formatVersion":1,"steps":[{"key":"step1","title":{"de":"Angaben","en":"Details"},
       "fields":[{"key":"subject","type":"text","label":{"de":"Ihr Anliegen","en":"Your request"},"required":true,"maxLength":200}]}],
       "fee":{"type":"fixed","currency":"EUR","amountCents":0},"levelOfAssurance":"LOW","processingDays":14}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject CallerScope caller;
  @Inject ServiceCatalogue catalogue;
  @Inject ServiceTemplateRepository templates;
  @Inject ServiceDefinitionRepository definitions;
  @Inject ServiceVersionRepository versions;

  /** One line of the services page. */
  public record Row(
      UUID id,
      String serviceKey,
      String category,
      LocalizedText title,
      boolean retired,
      Integer publishedNumber,
      Integer draftNumber)
      implements Serializable {}

  /** A shared template one can adopt. */
  public record TemplateRow(String serviceKey, String category, LocalizedText title)
      implements Serializable {}

  /** The draft the builder edits, with what the page shows around it. */
  public record Draft(
      UUID definitionId,
      UUID versionId,
      int number,
      String serviceKey,
      LocalizedText title,
      String formJson)
      implements Serializable {}

  /** The own municipality's services, active and retired. */
  public List<Row> overview() {
    UUID m = municipality();
    List<Row> rows = new ArrayList<>();
    for (ServiceDefinition d : definitions.findAll(m)) {
      Integer published = null;
      if (d.currentVersionId() != null) {
        published = versions.find(m, d.currentVersionId()).map(ServiceVersion::number).orElse(null);
      }
      Integer draft = versions.findDraft(m, d.id()).map(ServiceVersion::number).orElse(null);
      rows.add(
          new Row(
              d.id(),
              d.serviceKey(),
              d.category(),
              d.title(),
              d.status() == ServiceDefinitionStatus.RETIRED,
              published,
              draft));
    }
    return rows;
  }

  /** The shared templates the municipality has not adopted yet. */
  public List<TemplateRow> adoptableTemplates() {
    UUID m = municipality();
    return templates.findAll().stream()
        .filter(t -> definitions.findByServiceKey(m, t.serviceKey()).isEmpty())
        .sorted(Comparator.comparing((ServiceTemplate t) -> t.title().de()))
        .map(t -> new TemplateRow(t.serviceKey(), t.category(), t.title()))
        .toList();
  }

  /**
   * Adopts a template; with {@code feeCents} the draft's fee becomes that fixed amount (the local
   * fee), otherwise the template's fee rule stays. The draft is not published yet.
   */
  public CatalogueOutcome adopt(String serviceKey, Long feeCents) {
    UUID m = municipality();
    CatalogueOutcome adopted = catalogue.adoptTemplate(m, serviceKey, actor());
    if (!adopted.isDone() || feeCents == null) {
      return adopted;
    }
    ServiceVersion draft = versions.findDraft(m, adopted.id()).orElseThrow();
    ObjectNode form = (ObjectNode) readTree(draft.formJson());
    ObjectNode fee = form.putObject("fee");
    fee.put("type", "fixed").put("currency", "EUR").put("amountCents", feeCents);
    CatalogueOutcome updated = catalogue.updateDraft(m, draft.id(), form.toString(), actor());
    if (!updated.isDone()) {
      // A refused fee must not leave a half-adopted service behind.
      throw new RefusedException(updated.problems());
    }
    return adopted;
  }

  /** A new service of this municipality only, starting with {@link #STARTER_FORM}. */
  public CatalogueOutcome createFromScratch(
      String serviceKey, String category, LocalizedText title, LocalizedText description) {
    List<Problem> problems = checkTexts(serviceKey, category, title, description);
    if (!problems.isEmpty()) {
      return CatalogueOutcome.refused(problems);
    }
    return catalogue.createFromScratch(
        municipality(), serviceKey, category, title, description, STARTER_FORM, actor());
  }

  /** The draft of a definition, opened from the current version if there is none. */
  public Draft openDraft(UUID definitionId) {
    UUID m = municipality();
    ServiceDefinition d =
        definitions
            .find(m, definitionId)
            .orElseThrow(() -> new NoSuchElementException("No service " + definitionId));
    UUID versionId = catalogue.openDraft(m, definitionId, actor()).id();
    ServiceVersion v = versions.find(m, versionId).orElseThrow();
    return new Draft(d.id(), v.id(), v.number(), d.serviceKey(), d.title(), v.formJson());
  }

  /** The open draft of a definition, without opening one (empty if there is none). */
  public Optional<Draft> findDraft(UUID definitionId) {
    UUID m = municipality();
    return definitions
        .find(m, definitionId)
        .flatMap(
            d ->
                versions
                    .findDraft(m, definitionId)
                    .map(
                        v ->
                            new Draft(
                                d.id(),
                                v.id(),
                                v.number(),
                                d.serviceKey(),
                                d.title(),
                                v.formJson())));
  }

  /** Replaces the draft's content if {@code formJson} passes {@link FormDefinitionValidator}. */
  public CatalogueOutcome saveDraft(UUID versionId, String formJson) {
    return catalogue.updateDraft(municipality(), versionId, formJson, actor());
  }

  public CatalogueOutcome publish(UUID versionId) {
    return catalogue.publish(municipality(), versionId, actor());
  }

  public CatalogueOutcome retire(UUID definitionId) {
    return catalogue.retire(municipality(), definitionId, actor());
  }

  public CatalogueOutcome reactivate(UUID definitionId) {
    return catalogue.reactivate(municipality(), definitionId, actor());
  }

  /** What the catalogue shows of a service: its category, title and description. */
  public record Texts(String category, LocalizedText title, LocalizedText description)
      implements Serializable {}

  public Texts texts(UUID definitionId) {
    ServiceDefinition d =
        definitions
            .find(municipality(), definitionId)
            .orElseThrow(() -> new NoSuchElementException("No service " + definitionId));
    return new Texts(d.category(), d.title(), d.description());
  }

  /** Changes a service's category, title and description, checked as when it was created. */
  public CatalogueOutcome describe(
      UUID definitionId, String category, LocalizedText title, LocalizedText description) {
    texts(definitionId); // an unknown or foreign service is refused as not found, before the texts
    List<Problem> problems = new ArrayList<>();
    checkDescription(category, title, description, problems);
    if (!problems.isEmpty()) {
      return CatalogueOutcome.refused(problems);
    }
    return catalogue.describe(
        municipality(), definitionId, category.strip(), title, description, actor());
  }

  /**
   * The definition as an exchangeable JSON file ({@link TemplateDocument} format: key, category,
   * texts and the form of the current version, or of the draft if nothing is published yet).
   */
  public String export(UUID definitionId) {
    UUID m = municipality();
    ServiceDefinition d =
        definitions
            .find(m, definitionId)
            .orElseThrow(() -> new NoSuchElementException("No service " + definitionId));
    ServiceVersion v =
        (d.currentVersionId() != null
                ? versions.find(m, d.currentVersionId())
                : versions.findDraft(m, definitionId))
            .orElseThrow();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("serviceKey", d.serviceKey());
    doc.put("category", d.category());
    doc.putObject("title")
        .put("de", d.title().de())
        .put("en", d.title().en() == null ? d.title().de() : d.title().en());
    doc.putObject("description")
        .put("de", d.description().de())
        .put("en", d.description().en() == null ? d.description().de() : d.description().en());
    doc.set("form", readTree(v.formJson()));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Imports a JSON file in the export format as a new draft: of the existing service with the same
   * key (its open draft is replaced), or of a new service. Nothing is stored if anything is wrong.
   */
  public CatalogueOutcome importDefinition(String json) {
    TemplateDocument.Read read = TemplateDocument.read(json);
    if (!read.isValid()) {
      return CatalogueOutcome.refused(read.problems());
    }
    TemplateDocument doc = read.template();
    List<Problem> problems =
        checkTexts(doc.serviceKey(), doc.category(), doc.title(), doc.description());
    if (!problems.isEmpty()) {
      return CatalogueOutcome.refused(problems);
    }
    UUID m = municipality();
    Optional<ServiceDefinition> existing = definitions.findByServiceKey(m, doc.serviceKey());
    if (existing.isEmpty()) {
      return catalogue.createFromScratch(
          m,
          doc.serviceKey(),
          doc.category(),
          doc.title(),
          doc.description(),
          doc.form().canonicalJson(),
          actor());
    }
    UUID draft = catalogue.openDraft(m, existing.get().id(), actor()).id();
    CatalogueOutcome updated = catalogue.updateDraft(m, draft, doc.form().canonicalJson(), actor());
    if (!updated.isDone()) {
      throw new RefusedException(updated.problems());
    }
    return CatalogueOutcome.done(existing.get().id());
  }

  /** The outcome of a FIM import and what of the schema the form does not represent. */
  public record FimOutcome(CatalogueOutcome outcome, List<Problem> notes) {
    public FimOutcome {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Imports a FIM Stammdatenschema (XDatenfelder 2.0 or 3.0, the XML alone or a ZIP with its code
   * lists) as a new draft, like {@link #importDefinition}: service key {@code fim.<schema id>}, so
   * a second import of the same schema becomes a new draft of that service. The notes list
   * everything the form does not represent; problems refuse the file with nothing stored.
   */
  public FimOutcome importFim(byte[] upload) {
    FimSchemaReader.Read read = FimSchemaReader.read(upload);
    if (read.schema() == null) {
      return new FimOutcome(CatalogueOutcome.refused(read.problems()), List.of());
    }
    FimFormMapper.Mapped mapped = FimFormMapper.map(read.schema());
    if (!mapped.isValid()) {
      return new FimOutcome(CatalogueOutcome.refused(mapped.problems()), mapped.notes());
    }
    return new FimOutcome(importDefinition(mapped.templateJson()), mapped.notes());
  }

  private static List<Problem> checkTexts(
      String serviceKey, String category, LocalizedText title, LocalizedText description) {
    List<Problem> problems = new ArrayList<>();
    if (serviceKey == null || !serviceKey.matches("[A-Za-z0-9._-]{1,40}")) {
      problems.add(Problem.of("serviceKey", "builder.problem.serviceKey"));
    }
    checkDescription(category, title, description, problems);
    return problems;
  }

  private static void checkDescription(
      String category, LocalizedText title, LocalizedText description, List<Problem> problems) {
    if (category == null || category.isBlank() || category.length() > 60) {
      problems.add(Problem.of("category", "builder.problem.length", 60));
    }
    if (title == null
        || title.de().isBlank()
        || title.de().length() > 200
        || (title.en() != null && title.en().length() > 200)) {
      problems.add(Problem.of("titleDe", "builder.problem.length", 200));
    }
    if (description == null
        || description.de().isBlank()
        || description.de().length() > 4000
        || (description.en() != null && description.en().length() > 4000)) {
      problems.add(Problem.of("descriptionDe", "builder.problem.length", 4000));
    }
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Service administration is for staff of a municipality");
    }
    return scope.municipalityId();
  }

  private String actor() {
    String subject = caller.get().subject();
    return subject == null ? "unknown" : subject;
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored form is not JSON", e);
    }
  }

  /**
   * A second step of a use case was refused after the first one wrote; thrown to roll the whole
   * transaction back (unchecked, so {@code @Transactional} rolls back), carrying the problems.
   */
  public static class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public RefusedException(List<Problem> problems) {
      super("Refused: " + problems);
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
