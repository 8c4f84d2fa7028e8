package eu.rathaus.web.platform;

import eu.rathaus.web.session.SessionSignIn;
import eu.rathaus.web.session.SessionUser;
import eu.rathaus.web.session.SignInAgain;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
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
      if (status != HttpServletResponse.SC_INTERNAL_SERVER_ERROR
          && status != HttpServletResponse.SC_SERVICE_UNAVAILABLE
          && signInAgain(faces, external, status)) {
        events.remove();
        faces.responseComplete();
        break;
      }
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

  /**
   * A lost sign-in is not an error of the person: a service refusing an anonymous caller (the
   * session timed out between two pages) leads to the sign-in and back to the page; a form post of
   * the lost session that the sign-in replayed (its view state belongs to the old session) leads to
   * the page itself, freshly rendered. Returns false when neither applies.
   */
  private static boolean signInAgain(FacesContext faces, ExternalContext external, int status) {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    try {
      if (status == HttpServletResponse.SC_BAD_REQUEST
          && request.getAttribute(SessionSignIn.SIGNED_IN_NOW) != null) {
        LOG.log(
            Level.FINE, "Post of a lost session replayed after signing in again; page reloaded");
        external.responseReset();
        SignInAgain.redirect(
            request, response, request.getContextPath() + SignInAgain.pageOf(request));
        return true;
      }
      if (status == HttpServletResponse.SC_FORBIDDEN && !signedIn()) {
        LOG.log(Level.FINE, "Refused an anonymous caller; sent to sign in again");
        external.responseReset();
        SignInAgain.asCitizen(request, response);
        return true;
      }
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "Could not send to the sign-in", e);
    }
    return false;
  }

  private static boolean signedIn() {
    try {
      return CDI.current().select(SessionUser.class).get().isSignedIn();
    } catch (RuntimeException e) {
      return false;
    }
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
