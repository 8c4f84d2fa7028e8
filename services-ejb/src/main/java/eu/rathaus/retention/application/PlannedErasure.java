package eu.rathaus.retention.application;

import eu.rathaus.retention.domain.Verdict;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One draft or case the engine looked at: erased (or, in a dry run, to be erased) or kept, and why.
 *
 * @param kind {@code DRAFT} or {@code CASE}
 * @param reference the case's reference number; null for a draft
 * @param holdReason the legal hold's reason, if one keeps the case
 */
public record PlannedErasure(
    String kind,
    UUID id,
    String reference,
    String serviceTitle,
    Verdict verdict,
    String holdReason) {

  public boolean isErase() {
    return verdict.erase();
  }

  public String getKind() {
    return kind;
  }

  public String getReference() {
    return reference;
  }

  public String getServiceTitle() {
    return serviceTitle;
  }

  public String getReasonKey() {
    return verdict.reason().messageKey();
  }

  public LocalDate getDueOn() {
    return verdict.dueOn();
  }

  public String getHoldReason() {
    return holdReason;
  }
}
