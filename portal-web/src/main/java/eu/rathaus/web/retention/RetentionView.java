package eu.rathaus.web.retention;

import eu.rathaus.privacy.domain.RetentionDefaults;
import eu.rathaus.retention.application.PlannedErasure;
import eu.rathaus.retention.application.RetentionAdmin;
import eu.rathaus.retention.application.ServiceRetention;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Backing bean of {@code municipal/retention.xhtml} ("Aufbewahrung und Löschung"): the platform
 * defaults, the services with their periods and a form to change one, and the dry run — what the
 * erasure engine would erase by a chosen day, and why it keeps what it keeps. Plain posts, no
 * JavaScript.
 */
@Named
@ViewScoped
public class RetentionView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "setting:";

  @Inject RetentionAdmin admin;

  private List<ServiceRetention> services;
  private List<PlannedErasure> plan;
  private RetentionAdmin.ErasedCounts erased;
  private int horizonDays;
  private String serviceId;
  private String draftMonths;
  private String caseMonths;

  @PostConstruct
  void load() {
    services = admin.services();
    erased = admin.erased();
    plan = admin.plan(admin.today().plusDays(horizonDays));
  }

  /** Runs the dry run again for the chosen horizon. */
  public String preview() {
    if (horizonDays < 0 || horizonDays > 366) {
      horizonDays = 0;
    }
    plan = admin.plan(admin.today().plusDays(horizonDays));
    return null;
  }

  public String save() {
    UUID service = parseUuid(serviceId);
    Integer drafts = parseMonths(draftMonths, "draftMonths");
    Integer cases = parseMonths(caseMonths, "caseMonths");
    if (FacesContext.getCurrentInstance().getMessageList().size() > 0) {
      return null;
    }
    List<RetentionAdmin.Problem> problems = admin.save(service, drafts, cases);
    if (!problems.isEmpty()) {
      for (RetentionAdmin.Problem p : problems) {
        message(FORM + p.field(), FacesMessage.SEVERITY_ERROR, text(p.messageKey()));
      }
      return null;
    }
    message(null, FacesMessage.SEVERITY_INFO, text("retention.setting.saved"));
    serviceId = null;
    draftMonths = null;
    caseMonths = null;
    load();
    return null;
  }

  private Integer parseMonths(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      message(
          FORM + field, FacesMessage.SEVERITY_ERROR, text("retention.setting." + field + ".range"));
      return null;
    }
  }

  private static UUID parseUuid(String value) {
    try {
      return value == null || value.isBlank() ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return MessageFormat.format(msg.getString(key), args);
  }

  private static void message(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
  }

  /** A day as the page shows it: dd.MM.yyyy; empty for none. */
  public String date(LocalDate day) {
    return day == null
        ? ""
        : day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
  }

  public List<ServiceRetention> getServices() {
    return services;
  }

  public List<PlannedErasure> getPlan() {
    return plan;
  }

  public long getPlannedErasures() {
    return plan.stream().filter(PlannedErasure::isErase).count();
  }

  public RetentionAdmin.ErasedCounts getErased() {
    return erased;
  }

  public LocalDate getHorizon() {
    return admin.today().plusDays(horizonDays);
  }

  public int getDefaultDraftMonths() {
    return RetentionDefaults.DRAFT_MONTHS;
  }

  public int getDefaultCaseYears() {
    return RetentionDefaults.CASE_YEARS;
  }

  public int getPaymentYears() {
    return RetentionDefaults.PAYMENT_YEARS;
  }

  public int getHorizonDays() {
    return horizonDays;
  }

  public void setHorizonDays(int horizonDays) {
    this.horizonDays = horizonDays;
  }

  public List<Integer> getHorizons() {
    return List.of(0, 30, 90, 365);
  }

  public String getServiceId() {
    return serviceId;
  }

  public void setServiceId(String serviceId) {
    this.serviceId = serviceId;
  }

  public String getDraftMonths() {
    return draftMonths;
  }

  public void setDraftMonths(String draftMonths) {
    this.draftMonths = draftMonths;
  }

  public String getCaseMonths() {
    return caseMonths;
  }

  public void setCaseMonths(String caseMonths) {
    this.caseMonths = caseMonths;
  }
}
