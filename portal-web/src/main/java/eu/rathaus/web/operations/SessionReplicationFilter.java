package eu.rathaus.web.operations;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Replicates the request's session changes <em>before</em> the last bytes of the response leave the
 * node (issue 12, failover under load).
 *
 * <p>Undertow ends a request by closing the response stream — the browser now has the whole page —
 * and only then ends the session's request ({@code Session.requestDone}), which is where WildFly's
 * distributable session manager commits the session to the Infinispan cache and so to its second
 * owner. On a busy machine that gap lasts long enough for a node killed right after a page was
 * shown to take the page's newest state with it: the survivor still has the session as it was one
 * request earlier, without the Faces view the page was rendered from, and the next post of the page
 * ends on "Seite abgelaufen". This filter, the outermost of the chain (first in web.xml), ends the
 * session's request as soon as the portal's own work is done and while the response is not yet
 * complete; the replication to the second owner is synchronous, so the page a person sees is backed
 * up on the other node. Undertow's own call afterwards finds the session's request already ended
 * and does nothing. The only writes to the session later in the request would be the container's
 * (error-page dispatch of a {@code sendError}, which reads no session) — none of the portal's.
 */
public class SessionReplicationFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    if (request.isAsyncStarted() || request.getSession(false) == null) {
      return;
    }
    ServletRequestContext context = ServletRequestContext.current();
    if (context != null) {
      context.getCurrentServletContext().updateSessionAccessTime(context.getExchange());
    }
  }
}
