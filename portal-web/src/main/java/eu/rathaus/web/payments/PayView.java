package eu.rathaus.web.payments;

import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.payments.application.StartOutcome;
import eu.rathaus.payments.application.TransferDetails;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.tenancy.application.PortalAddress;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Backing bean of {@code citizen/pay.xhtml}: the fee of one of the citizen's applications, with the
 * choice of paying online (hosted page) or by SEPA transfer (IBAN, Kassenzeichen, GiroCode).
 * Another person's application, an unknown id or an application without fee all answer 404.
 */
@Named
@ViewScoped
public class PayView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Payments payments;
  @Inject LocaleSelection localeSelection;

  /**
   * The return address comes from the configured base URL, never from the request's Host header.
   */
  @Inject PortalAddress portalAddress;

  private String application;
  private String method;
  private PaymentSummary payment;
  private TransferDetails transfer;

  /** f:viewAction. */
  public void init() throws IOException {
    Optional<PaymentSummary> found = applicationId().flatMap(payments::forApplication);
    if (found.isEmpty()) {
      notFound();
      return;
    }
    payment = found.get();
    if ("sepa".equals(method) || payment.method() == PaymentMethod.SEPA_TRANSFER) {
      transfer = payments.transferDetails(payment.applicationId()).orElse(null);
    }
  }

  /** "Online bezahlen": opens a session at the provider and sends the browser there. */
  public void payOnline() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    URI returnUrl =
        URI.create(
            portalAddress.baseUrl()
                + "/citizen/payment-return.xhtml?application="
                + payment.applicationId());
    StartOutcome outcome = payments.startOnline(payment.applicationId(), returnUrl);
    if (outcome.isRedirect()) {
      external.redirect(outcome.redirect().toString());
      return;
    }
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            PaymentTexts.bundle(localeSelection.getLocale()).getString(outcome.problemKey()),
            null));
    reload();
  }

  /** "Überweisung (SEPA)": remembers the choice and shows the transfer data. */
  public String payByTransfer() {
    transfer = payments.chooseTransfer(payment.applicationId()).orElse(null);
    return "/citizen/pay.xhtml?faces-redirect=true&application="
        + payment.applicationId()
        + "&method=sepa";
  }

  private void reload() {
    payment = payments.forApplication(payment.applicationId()).orElse(payment);
  }

  private Optional<UUID> applicationId() {
    try {
      return application == null ? Optional.empty() : Optional.of(UUID.fromString(application));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void notFound() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
    faces.responseComplete();
  }

  public PaymentSummary getPayment() {
    return payment;
  }

  public TransferDetails getTransfer() {
    return transfer;
  }

  public String getAmount() {
    return PaymentTexts.amount(payment.amountCents(), localeSelection.getLocale());
  }

  public String getDueDate() {
    return PaymentTexts.date(payment.dueDate(), localeSelection.getLocale());
  }

  public String getState() {
    return PaymentTexts.state(payment.state(), localeSelection.getLocale());
  }

  public boolean isPendingOnline() {
    return payment.state() == eu.rathaus.payments.domain.PaymentState.PENDING
        && payment.method() == PaymentMethod.HOSTED_PAGE;
  }

  public String getApplication() {
    return application;
  }

  public void setApplication(String application) {
    this.application = application;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }
}
