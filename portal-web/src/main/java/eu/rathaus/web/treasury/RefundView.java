package eu.rathaus.web.treasury;

import eu.rathaus.payments.application.Refunds;
import eu.rathaus.web.treasury.TreasuryLines.PaymentLine;
import eu.rathaus.web.treasury.TreasuryLines.RefundLine;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The refund panel of {@code municipal/payments.xhtml}: the refund form of the paid payment chosen
 * in the payments panel ({@code ?refundOf=}, not {@code ?refund=}: the refund form's id travels as
 * a request parameter of that name on every post of the form) and the refunds made for it.
 */
@Named
@ViewScoped
public class RefundView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PaymentsView list;
  @Inject Refunds refunds;
  @Inject Event<TreasuryChanged> changed;

  private String amount;
  private String reason;
  // Read when first shown and after every change of the page; null = to be read.
  private List<RefundLine> lines;

  void changed(@Observes(notifyObserver = Reception.IF_EXISTS) TreasuryChanged event) {
    lines = null;
  }

  /** Refunds the typed amount of the chosen payment. */
  public String refund() {
    PaymentLine payment = getPayment();
    if (payment == null) {
      return null;
    }
    Long cents = TreasuryTexts.cents(amount);
    if (cents == null) {
      TreasuryTexts.error(
          "refund:amount", TreasuryTexts.text("treasury.refund.refused.AMOUNT_INVALID"));
      return null;
    }
    Refunds.Outcome outcome;
    try {
      outcome = refunds.refund(UUID.fromString(payment.getId()), cents, reason);
    } catch (NoSuchElementException e) {
      outcome = new Refunds.Outcome(null, Refunds.Refusal.NOT_PAID);
    }
    if (outcome.isDone()) {
      TreasuryTexts.info(TreasuryTexts.text("treasury.refund.done", TreasuryTexts.euros(cents)));
      amount = null;
      reason = null;
    } else {
      String field =
          switch (outcome.refusal()) {
            case REASON_MISSING -> "refund:reason";
            case AMOUNT_INVALID, TOO_MUCH -> "refund:amount";
            default -> null;
          };
      TreasuryTexts.error(
          field, TreasuryTexts.text("treasury.refund.refused." + outcome.refusal().name()));
    }
    changed.fire(new TreasuryChanged());
    return null;
  }

  public PaymentLine getPayment() {
    return list.getRefundPayment();
  }

  public List<RefundLine> getLines() {
    PaymentLine payment = getPayment();
    if (payment == null) {
      return List.of();
    }
    if (lines == null) {
      lines =
          refunds.refunds(UUID.fromString(payment.getId())).stream().map(RefundLine::new).toList();
    }
    return lines;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
