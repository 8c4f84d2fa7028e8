package eu.rathaus.messaging.application;

import eu.rathaus.tenancy.application.FieldProblem;
import java.util.List;

/**
 * A message that {@link Mailbox#postToApplicant} could not send (empty, too long, a refused file,
 * an unknown case). Thrown, unlike the outcomes of the page methods, so the caller's transaction
 * (e.g. "request information", which also changes the case) rolls back as a whole.
 */
public class MailboxRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldProblem> problems;

  public MailboxRefusedException(List<FieldProblem> problems) {
    super("Message refused: " + problems.stream().map(FieldProblem::messageKey).toList());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
