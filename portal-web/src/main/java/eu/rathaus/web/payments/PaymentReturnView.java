package eu.rathaus.web.payments;

import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Backing bean of {@code citizen/payment-return.xhtml}, where the provider sends the browser back.
 * Coming back proves nothing (anyone can open this address), so the page only reads the state that
 * a verified notification or the status poll has booked: "wird geprüft" until then, afterwards a
 * clear "bezahlt" or "fehlgeschlagen".
 */
@Named
@RequestScoped
public class PaymentReturnView {

  /** What the page says. */
  public enum Outcome {
    CHECKING,
    PAID,
    FAILED,
    NOT_COMPLETED,
    CLOSED
  }

  @Inject Payments payments;
  @Inject LocaleSelection localeSelection;

  private String application;
  private PaymentSummary payment;

  /** f:viewAction. */
  public void init() throws IOException {
    Optional<PaymentSummary> found;
    try {
      found =
          application == null
              ? Optional.empty()
              : payments.forApplication(UUID.fromString(application));
    } catch (IllegalArgumentException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
      faces.responseComplete();
      return;
    }
    payment = found.get();
  }

  public String getOutcome() {
    PaymentState state = payment.state();
    Outcome outcome =
        switch (state) {
          case PENDING -> Outcome.CHECKING;
          case PAID, REFUNDED -> Outcome.PAID;
          case FAILED -> Outcome.FAILED;
          case OPEN -> Outcome.NOT_COMPLETED;
          default -> Outcome.CLOSED;
        };
    return outcome.name();
  }

  public PaymentSummary getPayment() {
    return payment;
  }

  public String getAmount() {
    return PaymentTexts.amount(payment.amountCents(), localeSelection.getLocale());
  }

  public String getState() {
    return PaymentTexts.state(payment.state(), localeSelection.getLocale());
  }

  public String getApplication() {
    return application;
  }

  public void setApplication(String application) {
    this.application = application;
  }
}
