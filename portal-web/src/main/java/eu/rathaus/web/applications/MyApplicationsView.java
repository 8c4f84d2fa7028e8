package eu.rathaus.web.applications;

import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.MyApplications;
import eu.rathaus.payments.application.PaymentView;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.web.payments.PaymentTexts;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
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
import java.util.UUID;
import java.util.ResourceBundle;

/** Backing bean of {@code citizen/applications.xhtml} ("Meine Anträge"): read-only, one query per request. */
@Named
@RequestScoped
public class MyApplicationsView {

  static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  @Inject ApplicationJourney journey;
  @Inject LocaleSelection localeSelection;
  @Inject Payments payments;

  private MyApplications mine;
  private Map<UUID, PaymentView> fees;

  @PostConstruct
  void load() {
    mine = journey.mine();
    fees = payments.forApplications(
        mine.submitted().stream().map(MyApplications.SubmittedSummary::applicationId).filter(Objects::nonNull).toList());
  }

  public List<Row> getDrafts() {
    DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(localeSelection.getLocale()).withZone(GERMAN_TIME);
    return mine.drafts().stream()
        .map(d -> new Row(d.id().toString(), d.serviceTitle().in(localeSelection.getLocale()), format.format(d.updatedAt()),
            progress(d.step(), d.stepCount()), null, null, null, false))
        .toList();
  }

  public List<Row> getSubmitted() {
    DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(localeSelection.getLocale()).withZone(GERMAN_TIME);
    return mine.submitted().stream()
        .map(a -> {
          PaymentView fee = a.applicationId() == null ? null : fees.get(a.applicationId());
          return new Row(a.reference(), a.serviceTitle().in(localeSelection.getLocale()), format.format(a.submittedAt()),
              "", a.status(), fee == null ? null : fee.applicationId().toString(),
              fee == null ? null : PaymentTexts.amount(fee.amountCents(), localeSelection.getLocale()) + ", "
                  + PaymentTexts.state(fee.state(), localeSelection.getLocale()),
              fee != null && fee.isPayable());
        })
        .toList();
  }

  /** "Schritt 2 von 4" (the review counts as the last step of a draft). */
  private static String progress(int step, int count) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return MessageFormat.format(msg.getString("application.progress"), step, count);
  }

  /** One line of either table; bean getters for EL 5. */
  public record Row(String id, String service, String time, String progress, String status, String applicationId,
      String fee, boolean payable) {
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
