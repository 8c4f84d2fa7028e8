package eu.rathaus.attachments.application;

import eu.rathaus.attachments.domain.AttachmentRefusal;
import eu.rathaus.tenancy.application.FieldProblem;
import java.io.Serializable;

/**
 * How an upload ended: the stored attachment, or a refusal keyed to the file field with a message
 * key of the web bundle ({@code attachment.error.*}) and its arguments.
 */
public record UploadOutcome(
    AttachmentSummary stored, AttachmentRefusal refusal, FieldProblem problem)
    implements Serializable {

  /** The field key refusals are reported under unless the caller names its own. */
  public static final String FIELD = "file";

  public static UploadOutcome stored(AttachmentSummary summary) {
    return new UploadOutcome(summary, null, null);
  }

  public static UploadOutcome refused(
      String field, AttachmentRefusal refusal, Object... arguments) {
    return new UploadOutcome(
        null, refusal, FieldProblem.of(field, refusal.messageKey(), arguments));
  }

  public boolean isStored() {
    return stored != null;
  }

  public AttachmentSummary getStored() {
    return stored;
  }

  public FieldProblem getProblem() {
    return problem;
  }
}
