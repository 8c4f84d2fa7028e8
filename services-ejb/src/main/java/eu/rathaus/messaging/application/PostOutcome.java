package eu.rathaus.messaging.application;

import eu.rathaus.tenancy.application.FieldProblem;
import java.util.List;
import java.util.UUID;

/**
 * How posting a message ended: stored (thread and message id) or refused with problems keyed to the
 * form's fields ({@code text}, {@code title}, {@code file}, {@code municipality}). Not found is a
 * refusal with the key {@code mailbox.error.notFound} and {@link #notFound()} true.
 */
public record PostOutcome(UUID threadId, UUID messageId, List<FieldProblem> problems) {

  static final String NOT_FOUND = "mailbox.error.notFound";

  static PostOutcome posted(UUID threadId, UUID messageId) {
    return new PostOutcome(threadId, messageId, List.of());
  }

  static PostOutcome refused(List<FieldProblem> problems) {
    return new PostOutcome(null, null, List.copyOf(problems));
  }

  static PostOutcome missing() {
    return refused(List.of(FieldProblem.of("", NOT_FOUND)));
  }

  public boolean isPosted() {
    return messageId != null;
  }

  public boolean notFound() {
    return problems.stream().anyMatch(p -> NOT_FOUND.equals(p.messageKey()));
  }
}
