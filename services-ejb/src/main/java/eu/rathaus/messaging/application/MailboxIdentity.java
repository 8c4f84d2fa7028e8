package eu.rathaus.messaging.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * The signed-in person's display name and e-mail address for this request, set by the web layer
 * next to the {@link eu.rathaus.kernel.CallerScope}: the name is shown as a message's author, the
 * citizen's address is where "new message" notices go. The tenant scope itself carries neither, on
 * purpose (it is handed to the database).
 */
@RequestScoped
public class MailboxIdentity {

  private String displayName;
  private String email;

  public void set(String displayName, String email) {
    this.displayName = displayName;
    this.email = email;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }
}
