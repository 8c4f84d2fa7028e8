package eu.rathaus.web.applications;

import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.MyApplications;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.web.payments.PaymentTexts;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Backing bean of {@code citizen/applications.xhtml} ("Meine Anträge"): drafts, submitted
 * applications with their status and expected decision date, and withdrawal before a decision.
 */
@Named
@RequestScoped
public class MyApplicationsView {

  static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  @Inject ApplicationJourney journey;
  @Inject CaseWork work;
  @Inject LocaleSelection localeSelection;
  @Inject Payments payments;

  private MyApplications mine;
  private Map<UUID, PaymentSummary> fees;

  @PostConstruct
  void load() {
    mine = journey.mine();
    fees =
        payments.forApplications(
            mine.submitted().stream()
                .map(MyApplications.SubmittedSummary::applicationId)
                .filter(Objects::nonNull)
                .toList());
  }

  public List<Row> getDrafts() {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(localeSelection.getLocale())
            .withZone(GERMAN_TIME);
    return mine.drafts().stream()
        .map(
            d ->
                new Row(
                    d.id().toString(),
                    d.serviceTitle().in(localeSelection.getLocale()),
                    format.format(d.updatedAt()),
                    progress(d.step(), d.stepCount()),
                    null,
                    null,
                    null,
                    false))
        .toList();
  }

  public List<Row> getSubmitted() {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(localeSelection.getLocale())
            .withZone(GERMAN_TIME);
    return mine.submitted().stream()
        .map(
            a -> {
              PaymentSummary fee = a.applicationId() == null ? null : fees.get(a.applicationId());
              return new Row(
                  a.reference(),
                  a.serviceTitle().in(localeSelection.getLocale()),
                  format.format(a.submittedAt()),
                  "",
                  a.status(),
                  fee == null ? null : fee.applicationId().toString(),
                  fee == null
                      ? null
                      : PaymentTexts.amount(fee.amountCents(), localeSelection.getLocale())
                          + ", "
                          + PaymentTexts.state(fee.state(), localeSelection.getLocale()),
                  fee != null && fee.isPayable(),
                  a.expectedDecision() == null
                      ? ""
                      : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                          .withLocale(localeSelection.getLocale())
                          .format(a.expectedDecision()),
                  a.caseId() == null ? null : a.caseId().toString(),
                  a.withdrawable());
            })
        .toList();
  }

  /**
   * "Zurückziehen" of an application before a decision. The case id comes from the posted form and
   * is not trusted: {@link CaseWork#withdraw} acts only on the citizen's own case.
   */
  public String withdraw(String caseId) {
    UUID id;
    try {
      id = UUID.fromString(String.valueOf(caseId));
    } catch (IllegalArgumentException e) {
      return null;
    }
    CaseOutcome outcome = work.withdraw(id);
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    String text =
        outcome.done()
            ? msg.getString("office.citizen.withdrawn")
            : msg.getString(outcome.refusalKey());
    faces.addMessage(
        null,
        new FacesMessage(
            outcome.done() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, text, text));
    faces.getExternalContext().getFlash().setKeepMessages(true);
    return "/citizen/applications.xhtml?faces-redirect=true";
  }

  /** "Schritt 2 von 4" (the review counts as the last step of a draft). */
  private static String progress(int step, int count) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return MessageFormat.format(msg.getString("application.progress"), step, count);
  }

  /** One line of either table; bean getters for EL 5. */
  public record Row(
      String id,
      String service,
      String time,
      String progress,
      String status,
      String applicationId,
      String fee,
      boolean payable,
      String expected,
      String caseId,
      boolean withdrawable) {
    Row(
        String id,
        String service,
        String time,
        String progress,
        String status,
        String applicationId,
        String fee,
        boolean payable) {
      this(id, service, time, progress, status, applicationId, fee, payable, "", null, false);
    }

    /** The application's id for the payment page; null without a fee. */
    public String getApplicationId() {
      return applicationId;
    }

    /** "30,00 €, bezahlt"; null for fee-free applications. */
    public String getFee() {
      return fee;
    }

    public boolean isPayable() {
      return payable;
    }

    /** The expected decision date ("02.12.2026"); empty if unknown. */
    public String getExpected() {
      return expected;
    }

    public String getCaseId() {
      return caseId;
    }

    public boolean isWithdrawable() {
      return withdrawable;
    }

    public String getId() {
      return id;
    }

    public String getService() {
      return service;
    }

    public String getTime() {
      return time;
    }

    public String getProgress() {
      return progress;
    }

    public String getStatus() {
      return status;
    }
  }
}
