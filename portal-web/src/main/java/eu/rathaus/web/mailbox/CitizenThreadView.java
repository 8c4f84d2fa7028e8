package eu.rathaus.web.mailbox;

import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.PostOutcome;
import eu.rathaus.messaging.application.ThreadDetail;
import eu.rathaus.web.catalogue.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /citizen/thread.xhtml?id=}: one of the citizen's threads. Opening it is what records the
 * read receipt of the authority's messages; a foreign or unknown id is the 404 page.
 */
@Named
@RequestScoped
public class CitizenThreadView {

  @Inject Mailbox mailbox;

  private ThreadDetail thread;
  private List<String> problems = List.of();
  private String text;

  /** GET: opens the thread (receipt) or answers 404. */
  public void init() {
    if (load().isEmpty()) {
      NotFound.send();
    }
  }

  private Optional<ThreadDetail> load() {
    if (thread == null) {
      Optional<UUID> id = MessageForm.uuidParam("id", "mailbox-thread");
      thread = id.flatMap(mailbox::open).orElse(null);
    }
    return Optional.ofNullable(thread);
  }

  /** "Antworten". */
  public void reply() {
    text = MessageForm.param(MessageForm.TEXT);
    UUID id = MessageForm.uuidParam("mailbox-thread").orElse(null);
    PostOutcome outcome = mailbox.reply(id, text, MessageForm.files());
    if (outcome.isPosted()) {
      MessageForm.redirect("/citizen/thread.xhtml?id=" + outcome.threadId() + "&sent=true");
      return;
    }
    if (outcome.notFound()) {
      NotFound.send();
      return;
    }
    problems = MessageForm.texts(outcome.problems());
  }

  public ThreadDetail getThread() {
    return load().orElse(null);
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
