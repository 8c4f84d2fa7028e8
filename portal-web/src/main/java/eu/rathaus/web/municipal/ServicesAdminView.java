package eu.rathaus.web.municipal;

import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.FimSchemaReader;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

/**
 * Backing bean of {@code municipal/services.xhtml}: the own municipality's services with their
 * status, adopting a template with a local fee, creating a service from scratch, opening the draft
 * editor, publishing, retiring, exporting and importing the JSON definition.
 */
@Named
@ViewScoped
public class ServicesAdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Larger than any sensible definition, smaller than what could hurt: the validator's own cap. */
  static final int MAX_IMPORT_BYTES = 1_000_000;

  /** Flash key under which the FIM import hands its notes to the builder page. */
  static final String FIM_NOTES = "rathaus.fimNotes";

  private static final Set<String> CREATE_INPUTS =
      Set.of("serviceKey", "category", "titleDe", "descriptionDe");

  @Inject ServiceAdministration administration;
  @Inject LocaleSelection localeSelection;

  private List<RowView> rows;
  private List<ServiceAdministration.TemplateRow> templates;
  private final List<String> importProblems = new ArrayList<>();
  private final List<String> fimProblems = new ArrayList<>();

  private String templateKey;
  private String fee;
  private String serviceKey;
  private final ServiceTextsInput texts = new ServiceTextsInput();
  private transient Part importFile;
  private transient Part fimFile;

  @PostConstruct
  void load() {
    Locale locale = localeSelection.getLocale();
    rows = administration.overview().stream().map(r -> new RowView(r, locale)).toList();
    templates = administration.adoptableTemplates();
  }

  /** Adopts the chosen template; a fee typed in euros replaces the template's fee rule. */
  public String adopt() {
    if (templateKey == null || templateKey.isBlank()) {
      ProblemTexts.error("adopt:template", ProblemTexts.text("builder.problem.chooseTemplate"));
      return null;
    }
    Long cents = null;
    if (fee != null && !fee.isBlank()) {
      cents = Money.parse(fee).map(Money::cents).orElse(null);
      if (cents == null) {
        ProblemTexts.error("adopt:fee", ProblemTexts.text("builder.problem.euros"));
        return null;
      }
    }
    CatalogueOutcome outcome;
    try {
      outcome = administration.adopt(templateKey, cents);
    } catch (ServiceAdministration.RefusedException e) {
      outcome = CatalogueOutcome.refused(e.problems());
    }
    if (!outcome.isDone()) {
      outcome.problems().forEach(p -> ProblemTexts.error("adopt:template", ProblemTexts.text(p)));
      return null;
    }
    // Shown on the builder page after the redirect: what happened, and that citizens see nothing
    // yet.
    ProblemTexts.info(ProblemTexts.text("builder.adopted"));
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return builder(outcome.id());
  }

  /** Creates a service of this municipality only and opens it in the builder. */
  public String create() {
    CatalogueOutcome outcome =
        administration.createFromScratch(
            trim(serviceKey), texts.trimmedCategory(), texts.title(), texts.description());
    if (!outcome.isDone()) {
      for (Problem p : outcome.problems()) {
        ProblemTexts.error(
            CREATE_INPUTS.contains(p.target()) ? "create:" + p.target() : null,
            ProblemTexts.text(p));
      }
      return null;
    }
    return builder(outcome.id());
  }

  /** Opens (or starts, from the published version) the draft and goes to the builder. */
  public String edit(String definitionId) {
    return builder(administration.openDraft(UUID.fromString(definitionId)).definitionId());
  }

  public void publish(String definitionId) {
    UUID id = UUID.fromString(definitionId);
    administration
        .findDraft(id)
        .ifPresentOrElse(
            draft -> report(administration.publish(draft.versionId()), "builder.published"),
            () -> ProblemTexts.error(null, ProblemTexts.text("builder.problem.noDraft")));
    load();
  }

  public void retire(String definitionId) {
    report(administration.retire(UUID.fromString(definitionId)), "builder.retired");
    load();
  }

  public void reactivate(String definitionId) {
    report(administration.reactivate(UUID.fromString(definitionId)), "builder.reactivated");
    load();
  }

  /** Sends the definition as a JSON file download. */
  public void export(String definitionId) {
    String json = administration.export(UUID.fromString(definitionId));
    RowView row =
        rows.stream()
            .filter(r -> r.getId().equals(definitionId))
            .findFirst()
            .orElseThrow(NoSuchElementException::new);
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    external.responseReset();
    external.setResponseContentType("application/json");
    external.setResponseCharacterEncoding("UTF-8");
    external.setResponseContentLength(bytes.length);
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + row.getServiceKey().replaceAll("[^A-Za-z0-9._-]", "_")
            + ".json\"");
    try (OutputStream out = external.getResponseOutputStream()) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /**
   * Imports an uploaded JSON file as a new draft; every problem is listed, nothing stored if any.
   */
  public String importDefinition() {
    importProblems.clear();
    if (importFile == null || importFile.getSize() == 0) {
      importProblems.add(ProblemTexts.text("builder.import.empty"));
      return null;
    }
    if (importFile.getSize() > MAX_IMPORT_BYTES) {
      importProblems.add(ProblemTexts.text("builder.import.tooLarge", MAX_IMPORT_BYTES / 1000));
      return null;
    }
    String json;
    try (InputStream in = importFile.getInputStream()) {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(in.readNBytes(MAX_IMPORT_BYTES + 1)))
              .toString();
    } catch (CharacterCodingException e) {
      importProblems.add(ProblemTexts.text("builder.import.notUtf8"));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CatalogueOutcome outcome;
    try {
      outcome = administration.importDefinition(json);
    } catch (ServiceAdministration.RefusedException e) {
      outcome = CatalogueOutcome.refused(e.problems());
    }
    if (!outcome.isDone()) {
      importProblems.addAll(lines(outcome.problems()));
      return null;
    }
    return builder(outcome.id());
  }

  /**
   * Imports an uploaded FIM Stammdatenschema (XML or ZIP) as a new draft and opens it in the
   * builder with the list of what the form does not represent; a refused file lists why, with
   * nothing stored.
   */
  public String importFim() {
    fimProblems.clear();
    if (fimFile == null || fimFile.getSize() == 0) {
      fimProblems.add(ProblemTexts.text("builder.import.empty"));
      return null;
    }
    if (fimFile.getSize() > FimSchemaReader.MAX_BYTES) {
      fimProblems.add(
          ProblemTexts.text("builder.fim.tooLarge", FimSchemaReader.MAX_BYTES / 1_000_000));
      return null;
    }
    byte[] upload;
    try (InputStream in = fimFile.getInputStream()) {
      upload = in.readNBytes(FimSchemaReader.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServiceAdministration.FimOutcome imported;
    try {
      imported = administration.importFim(upload);
    } catch (ServiceAdministration.RefusedException e) {
      imported =
          new ServiceAdministration.FimOutcome(CatalogueOutcome.refused(e.problems()), List.of());
    }
    CatalogueOutcome outcome = imported.outcome();
    if (!outcome.isDone()) {
      fimProblems.addAll(lines(outcome.problems()));
      return null;
    }
    ArrayList<String> notes = new ArrayList<>(lines(imported.notes()));
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.getFlash().put(FIM_NOTES, notes);
    ProblemTexts.info(ProblemTexts.text("builder.fim.imported"));
    external.getFlash().setKeepMessages(true);
    return builder(outcome.id());
  }

  /** Each problem as a line for a list, led by where it is (a JSON location or a FIM id). */
  private static List<String> lines(List<Problem> problems) {
    return problems.stream()
        .map(
            p ->
                p.target().isEmpty()
                    ? ProblemTexts.text(p)
                    : p.target() + ": " + ProblemTexts.text(p))
        .toList();
  }

  private void report(CatalogueOutcome outcome, String doneKey) {
    if (outcome.isDone()) {
      ProblemTexts.info(ProblemTexts.text(doneKey));
    } else {
      outcome.problems().forEach(p -> ProblemTexts.error(null, ProblemTexts.text(p)));
    }
  }

  private static String builder(UUID definitionId) {
    return "/municipal/builder.xhtml?faces-redirect=true&definition=" + definitionId;
  }

  private static String trim(String s) {
    return s == null ? null : s.strip();
  }

  /** A row for the page, with the title in the page's language and the status spelled out. */
  public static final class RowView implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ServiceAdministration.Row row;
    private final String title;

    RowView(ServiceAdministration.Row row, Locale locale) {
      this.row = row;
      this.title = row.title().in(locale);
    }

    public String getId() {
      return row.id().toString();
    }

    public String getServiceKey() {
      return row.serviceKey();
    }

    public String getCategory() {
      return row.category();
    }

    public String getTitle() {
      return title;
    }

    public boolean isRetired() {
      return row.retired();
    }

    public Integer getPublishedNumber() {
      return row.publishedNumber();
    }

    public Integer getDraftNumber() {
      return row.draftNumber();
    }

    public boolean isHasDraft() {
      return row.draftNumber() != null;
    }

    public boolean isPublished() {
      return row.publishedNumber() != null;
    }
  }

  public List<RowView> getRows() {
    return rows;
  }

  public List<ServiceAdministration.TemplateRow> getTemplatesRaw() {
    return templates;
  }

  /** Template choices for the select: value = service key, label = title in the page's language. */
  public List<jakarta.faces.model.SelectItem> getTemplates() {
    Locale locale = localeSelection.getLocale();
    return templates.stream()
        .map(
            t ->
                new jakarta.faces.model.SelectItem(
                    t.serviceKey(), t.title().in(locale) + " (" + t.category() + ")"))
        .toList();
  }

  public List<String> getImportProblems() {
    return importProblems;
  }

  public String getTemplateKey() {
    return templateKey;
  }

  public void setTemplateKey(String templateKey) {
    this.templateKey = templateKey;
  }

  public String getFee() {
    return fee;
  }

  public void setFee(String fee) {
    this.fee = fee;
  }

  public String getServiceKey() {
    return serviceKey;
  }

  public void setServiceKey(String serviceKey) {
    this.serviceKey = serviceKey;
  }

  public ServiceTextsInput getTexts() {
    return texts;
  }

  public List<String> getFimProblems() {
    return fimProblems;
  }

  public Part getFimFile() {
    return fimFile;
  }

  public void setFimFile(Part fimFile) {
    this.fimFile = fimFile;
  }

  public Part getImportFile() {
    return importFile;
  }

  public void setImportFile(Part importFile) {
    this.importFile = importFile;
  }
}
