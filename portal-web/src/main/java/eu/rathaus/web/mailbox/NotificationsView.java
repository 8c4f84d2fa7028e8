package eu.rathaus.web.mailbox;

import eu.rathaus.messaging.application.FailedNotification;
import eu.rathaus.messaging.application.FailedNotifications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** {@code /municipal/notifications.xhtml}: notices the sender gave up on, with "Erneut senden". */
@Named
@RequestScoped
public class NotificationsView {

  @Inject FailedNotifications failed;

  private List<FailedNotification> list;

  public List<FailedNotification> getFailed() {
    if (list == null) {
      list = failed.list();
    }
    return list;
  }

  public void retry() {
    boolean done = MessageForm.uuidParam("notification").map(failed::retry).orElse(false);
    MessageForm.redirect("/municipal/notifications.xhtml?retried=" + done);
  }

  public String getRetried() {
    return MessageForm.param("retried");
  }
}
