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
 * The staff side: {@code /office/mailbox.xhtml} (the municipality's general threads),
 * {@code /office/thread.xhtml?id=} (any of its threads) and the case page's fragment
 * {@code WEB-INF/includes/case-thread.xhtml}. Every opening is audited by the mailbox.
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

  /** GET of {@code /office/thread.xhtml}: opens the thread or answers 404. */
  public void init() {
    if (getThread() == null) {
      NotFound.send();
    }
  }

  public ThreadDetail getThread() {
    if (thread == null) {
      thread = MessageForm.uuidParam("id", "mailbox-thread").flatMap(mailbox::open).orElse(null);
    }
    return thread;
  }

  /** The case's thread for the case page (null if the case is not the caller's). */
  public ThreadDetail forCase(UUID caseId) {
    return caseThreads.computeIfAbsent(caseId, id -> id == null ? Optional.empty() : mailbox.caseThread(id))
        .orElse(null);
  }

  public List<ThreadSummary> getGeneralThreads() {
    if (general == null) {
      general = mailbox.generalThreads();
    }
    return general;
  }

  /** "Nachricht senden", from the case fragment ({@code mailbox-case}) or a thread page ({@code mailbox-thread}). */
  public void send() {
    text = MessageForm.param(MessageForm.TEXT);
    Optional<UUID> caseId = MessageForm.uuidParam("mailbox-case");
    PostOutcome outcome;
    if (caseId.isPresent()) {
      outcome = mailbox.writeToCase(caseId.get(), text, MessageForm.files());
      if (outcome.isPosted()) {
        MessageForm.redirect("/office/case.xhtml?id=" + caseId.get() + "&sent=true#case-thread");
        return;
      }
    } else {
      outcome = mailbox.writeToThread(MessageForm.uuidParam("mailbox-thread").orElse(null), text, MessageForm.files());
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
