package eu.rathaus.payments.application;

import java.util.UUID;

/**
 * What became of a refund: {@code refundId} of the stored {@code PaymentRefund} (also when it
 * failed, so the treasury sees the attempt), and a bundle key when it did not go through.
 */
public record RefundOutcome(boolean done, UUID refundId, String problemKey) {

  static RefundOutcome done(UUID refundId) {
    return new RefundOutcome(true, refundId, null);
  }

  static RefundOutcome refused(UUID refundId, String problemKey) {
    return new RefundOutcome(false, refundId, problemKey);
  }
}
