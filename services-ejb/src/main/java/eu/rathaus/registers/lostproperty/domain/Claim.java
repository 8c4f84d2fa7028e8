package eu.rathaus.registers.lostproperty.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed claim on a found item, as its owner and the office see it: the loss report, the item,
 * the owner's proof, the fee and whether it is paid, the handover appointment.
 *
 * @param paymentState the state of the fee's payment request ({@code PAID}, {@code OPEN}, …) or
 *     null if there is no fee
 * @param proofFileId the file the owner gave with her proof (V72), or null
 * @param proofFileName that file's name, or null
 */
public record Claim(
    UUID caseId,
    String reference,
    UUID itemId,
    ItemCategory category,
    String description,
    String keptAt,
    ItemStatus status,
    String proofText,
    Instant proofSubmittedAt,
    long feeCents,
    String paymentState,
    Instant handoverAt,
    String handoverPlace,
    UUID applicationId,
    UUID municipalityId,
    UUID proofFileId,
    String proofFileName)
    implements Serializable {

  public static final int PROOF_MIN = 3;
  public static final int PROOF_MAX = 2000;

  /** Whether {@code proof}, stripped, has an allowed length. */
  public static boolean proofFits(String proof) {
    int length = proof == null ? 0 : proof.strip().length();
    return length >= PROOF_MIN && length <= PROOF_MAX;
  }

  public boolean isProofFileGiven() {
    return proofFileId != null;
  }

  public boolean isProofGiven() {
    return proofSubmittedAt != null;
  }

  /** No fee, or its payment arrived. */
  public boolean isFeeSettled() {
    return feeCents <= 0 || "PAID".equals(paymentState);
  }

  /** Whether the item may be handed over: claimed, proof given, fee (if any) paid. */
  public boolean isReadyForHandover() {
    return status == ItemStatus.CLAIMED && isProofGiven() && isFeeSettled();
  }

  public boolean isOpen() {
    return status == ItemStatus.CLAIMED;
  }
}
