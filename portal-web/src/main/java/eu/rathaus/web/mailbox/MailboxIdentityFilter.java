package eu.rathaus.web.mailbox;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.messaging.application.MailboxIdentity;
import eu.rathaus.web.session.SessionUser;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands the signed-in person's display name and address to the mailbox for this request (as {@link
 * eu.rathaus.web.session.CallerScopeFilter} hands over the tenant scope), so any page that writes a
 * message, including other capabilities' pages, signs it with the right name.
 */
@WebFilter(urlPatterns = {"/citizen/*", "/office/*"})
public class MailboxIdentityFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject SessionUser sessionUser;
  @Inject MailboxIdentity identity;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getSession(false) != null && sessionUser.isSignedIn()) {
      CurrentUser user = sessionUser.getUser();
      identity.set(user.getDisplayName(), user.email());
    }
    chain.doFilter(request, response);
  }
}
