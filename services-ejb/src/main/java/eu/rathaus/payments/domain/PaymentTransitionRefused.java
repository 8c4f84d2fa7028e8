package eu.rathaus.payments.domain;

/**
 * A state change the payment's state does not allow (e.g. "paid" for an expired request). Thrown by
 * {@link PaymentRequest}; services catch it, log and refuse the input, and change nothing.
 */
public class PaymentTransitionRefused extends RuntimeException {

  private final PaymentState from;
  private final PaymentState to;

  public PaymentTransitionRefused(PaymentState from, PaymentState to) {
    super("Payment cannot move from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public PaymentState from() {
    return from;
  }

  public PaymentState to() {
    return to;
  }
}
