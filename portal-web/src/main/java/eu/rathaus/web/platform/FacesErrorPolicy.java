package eu.rathaus.web.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one error policy of the Faces pages (issue 10). Every exception a page throws ends on one of
 * web.xml's static error pages with the right status, and is logged exactly once:
 *
 * <ul>
 *   <li>an expired or forged view state (a form left open past the session, a replayed post) is the
 *       visitor's situation, not a fault: 400 with the "page expired, reload" page, logged at FINE
 *       without a stack trace;
 *   <li>a caller refused by the service layer ({@link SecurityException}, e.g. a platform-only
 *       method) gets the forbidden page, 403, logged at WARNING without a stack trace;
 *   <li>a database that cannot be reached right now ({@link DatabaseOutage}: a restart, a failover)
 *       is a passing state: 503 with {@code Retry-After} and the "try again" page, logged at
 *       WARNING without a stack trace;
 *   <li>anything else is a server error: 500 and the generic page, logged once at SEVERE with the
 *       stack trace (the container does not log it again, since it is handled here).
 * </ul>
 *
 * No response ever shows a stack trace.
 */
public class FacesErrorPolicy extends ExceptionHandlerWrapper {

  private static final Logger LOG = Logger.getLogger(FacesErrorPolicy.class.getName());

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {
    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new FacesErrorPolicy(getWrapped().getExceptionHandler());
    }
  }

  public FacesErrorPolicy(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (faces != null && events.hasNext()) {
      Throwable thrown = events.next().getContext().getException();
      ExternalContext external = faces.getExternalContext();
      if (external.isResponseCommitted()) {
        break; // too late for an error page; the wrapped handler deals with it
      }
      int status = statusFor(thrown);
      String view =
          faces.getViewRoot() == null
              ? external.getRequestServletPath()
              : faces.getViewRoot().getViewId();
      switch (status) {
        case HttpServletResponse.SC_BAD_REQUEST ->
            LOG.log(Level.FINE, "Expired or unknown view state on {0}", view);
        case HttpServletResponse.SC_SERVICE_UNAVAILABLE ->
            LOG.log(
                Level.WARNING,
                "Database not reachable on {0}: {1}",
                new Object[] {view, rootOf(thrown).toString()});
        case HttpServletResponse.SC_FORBIDDEN ->
            LOG.log(
                Level.WARNING,
                "Refused on {0}: {1}",
                new Object[] {view, rootOf(thrown).getMessage()});
        default -> LOG.log(Level.SEVERE, "Page " + view + " failed", thrown);
      }
      try {
        external.responseReset();
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
          external.setResponseHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        external.responseSendError(status, null);
      } catch (IOException | IllegalStateException e) {
        LOG.log(Level.FINE, "Error page could not be sent", e);
      }
      events.remove();
      faces.responseComplete();
      break;
    }
    getWrapped().handle();
  }

  static int statusFor(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return HttpServletResponse.SC_BAD_REQUEST;
      }
      if (t instanceof SecurityException) {
        return HttpServletResponse.SC_FORBIDDEN;
      }
    }
    if (DatabaseOutage.isCause(thrown)) {
      return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
    return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
  }

  private static Throwable rootOf(Throwable thrown) {
    Throwable t = thrown;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
