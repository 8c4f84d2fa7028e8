package eu.rathaus.web.applications;

import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.Receipt;
import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.web.payments.PaymentTexts;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/** Backing bean of {@code citizen/submitted.xhtml}: the confirmation with the reference number. */
@Named
@RequestScoped
public class SubmittedView {

  @Inject ApplicationJourney journey;
  @Inject LocaleSelection localeSelection;
  @Inject Payments payments;

  private String ref;
  private Receipt receipt;
  private PaymentSummary payment;

  /** f:viewAction: only the applicant sees the confirmation; anyone else gets 404. */
  public void init() throws IOException {
    Optional<Receipt> found = ref == null ? Optional.empty() : journey.receipt(ref);
    if (found.isEmpty()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
      faces.responseComplete();
      return;
    }
    receipt = found.get();
    payment =
        receipt.applicationId() == null
            ? null
            : payments.forApplication(receipt.applicationId()).orElse(null);
  }

  /** The fee's payment request, or null for a fee-free application. */
  public PaymentSummary getPayment() {
    return payment;
  }

  public String getPaymentAmount() {
    return payment == null
        ? ""
        : PaymentTexts.amount(payment.amountCents(), localeSelection.getLocale());
  }

  public String getPaymentState() {
    return payment == null ? "" : PaymentTexts.state(payment.state(), localeSelection.getLocale());
  }

  /** The application's id (its case's appointment is looked up by it), or null. */
  public java.util.UUID getApplicationId() {
    return receipt.applicationId();
  }

  public String getReference() {
    return receipt.reference();
  }

  public String getServiceTitle() {
    return receipt.serviceTitle().in(localeSelection.getLocale());
  }

  public String getMunicipalityName() {
    return receipt.municipalityName();
  }

  public String getSubmittedAt() {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(localeSelection.getLocale())
        .withZone(MyApplicationsView.GERMAN_TIME)
        .format(receipt.submittedAt());
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }
}
