package eu.rathaus.web.mailbox;

import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.PostOutcome;
import eu.rathaus.messaging.application.ThreadDetail;
import eu.rathaus.messaging.application.ThreadSummary;
import eu.rathaus.web.catalogue.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The staff side: {@code /office/mailbox.xhtml} (the municipality's general threads), {@code
 * /office/thread.xhtml?id=} (any of its threads) and the case page's fragment {@code
 * WEB-INF/includes/case-thread.xhtml}. Every opening is audited by the mailbox.
 */
@Named
@RequestScoped
public class StaffThreadView {

  @Inject Mailbox mailbox;

  private final Map<UUID, Optional<ThreadDetail>> caseThreads = new HashMap<>();
  private ThreadDetail thread;
  private List<ThreadSummary> general;
  private List<String> problems = List.of();
  private String text;

  /**
   * GET of {@code /office/thread.xhtml}: opens the thread ({@code ?id=}) or a case's thread through
   * the case page's fragment ({@code ?case=}), or answers 404.
   */
  public void init() {
    UUID caseId = getCaseId();
    if (caseId != null ? forCase(caseId) == null : getThread() == null) {
      NotFound.send();
    }
  }

  /** The case of {@code ?case=} (or of the fragment's post), null on a plain thread page. */
  public UUID getCaseId() {
    return MessageForm.uuidParam("case", "mailbox-case").orElse(null);
  }

  public ThreadDetail getThread() {
    if (thread == null && getCaseId() == null) {
      thread = MessageForm.uuidParam("id", "mailbox-thread").flatMap(mailbox::open).orElse(null);
    }
    return thread;
  }

  /** The case's thread for the case page (null if the case is not the caller's). */
  public ThreadDetail forCase(UUID caseId) {
    return caseThreads
        .computeIfAbsent(caseId, id -> id == null ? Optional.empty() : mailbox.caseThread(id))
        .orElse(null);
  }

  public List<ThreadSummary> getGeneralThreads() {
    if (general == null) {
      general = mailbox.generalThreads();
    }
    return general;
  }

  /**
   * "Nachricht senden", from the case fragment ({@code mailbox-case}) or a thread page ({@code
   * mailbox-thread}).
   */
  public void send() {
    text = MessageForm.param(MessageForm.TEXT);
    Optional<UUID> caseId = MessageForm.uuidParam("mailbox-case");
    PostOutcome outcome;
    if (caseId.isPresent()) {
      outcome = mailbox.writeToCase(caseId.get(), text, MessageForm.files());
      if (outcome.isPosted()) {
        // The fragment returns to the page it is on: the case page (contract) or this mailbox's
        // own.
        MessageForm.redirect(
            "thread".equals(MessageForm.param("mailbox-return"))
                ? "/office/thread.xhtml?case=" + caseId.get() + "&sent=true#case-thread"
                : "/office/case.xhtml?id=" + caseId.get() + "&sent=true#case-thread");
        return;
      }
    } else {
      outcome =
          mailbox.writeToThread(
              MessageForm.uuidParam("mailbox-thread").orElse(null), text, MessageForm.files());
      if (outcome.isPosted()) {
        MessageForm.redirect("/office/thread.xhtml?id=" + outcome.threadId() + "&sent=true");
        return;
      }
    }
    if (outcome.notFound()) {
      NotFound.send();
      return;
    }
    problems = MessageForm.texts(outcome.problems());
  }

  public boolean isSent() {
    return "true".equals(MessageForm.param("sent"));
  }

  public List<String> getProblems() {
    return problems;
  }

  public String getText() {
    return text;
  }
}
