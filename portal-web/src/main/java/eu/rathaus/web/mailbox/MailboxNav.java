package eu.rathaus.web.mailbox;

import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.web.session.SessionUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The unread count next to "Postfach" in the citizen's navigation, so a message from the authority
 * is seen on any page, not only when the e-mail notice was read. Counted once per request; the
 * navigation never fails a page because of it (a problem shows no count and is logged).
 */
@Named
@RequestScoped
public class MailboxNav {

  private static final Logger LOG = Logger.getLogger(MailboxNav.class.getName());

  @Inject SessionUser sessionUser;
  @Inject Mailbox mailbox;

  private Long unread;

  public long getUnread() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      // A postback evaluates the badge's rendered condition while decoding too; the badge holds
      // no input, so that answer changes nothing, and a post that redirects renders nothing. Only
      // the rendered page counts (one transaction less per form step, issue 16).
      return 0;
    }
    if (unread == null) {
      unread = 0L;
      if (sessionUser.tenantScope().kind() == TenantScope.Kind.CITIZEN) {
        try {
          unread = mailbox.myUnread();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Unread count not available: {0}", e.toString());
        }
      }
    }
    return unread;
  }
}
