package eu.rathaus.web.mailbox;

import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.PostOutcome;
import eu.rathaus.messaging.application.ThreadSummary;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/**
 * {@code /citizen/mailbox.xhtml}: the citizen's threads with unread markers, and a new message to a
 * municipality.
 */
@Named
@RequestScoped
public class CitizenMailboxView {

  @Inject Mailbox mailbox;
  @Inject MunicipalityDirectory directory;

  private List<ThreadSummary> threads;
  private List<String> problems = List.of();
  private String title;
  private String text;
  private String municipality;

  public List<ThreadSummary> getThreads() {
    if (threads == null) {
      threads = mailbox.myThreads();
    }
    return threads;
  }

  /** A municipality to write to (bean getters for Jakarta EL 5). */
  public record Choice(String id, String name) {
    public String getId() {
      return id;
    }

    public String getName() {
      return name;
    }
  }

  public List<Choice> getMunicipalities() {
    return directory.search("").stream().map(m -> new Choice(m.id().toString(), m.name())).toList();
  }

  /** "Nachricht senden": starts the thread and shows it, or shows what is wrong with the form. */
  public void start() {
    title = MessageForm.param("mailbox-title");
    text = MessageForm.param(MessageForm.TEXT);
    municipality = MessageForm.param("mailbox-municipality");
    UUID target = MessageForm.uuidParam("mailbox-municipality").orElse(null);
    PostOutcome outcome = mailbox.startThread(target, title, text, MessageForm.files());
    if (outcome.isPosted()) {
      MessageForm.redirect("/citizen/thread.xhtml?id=" + outcome.threadId() + "&sent=true");
      return;
    }
    problems = MessageForm.texts(outcome.problems());
  }

  public List<String> getProblems() {
    return problems;
  }

  public String getTitle() {
    return title;
  }

  public String getText() {
    return text;
  }

  public String getMunicipality() {
    return municipality;
  }
}
