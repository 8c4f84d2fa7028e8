package eu.rathaus.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one error policy of the API: every exception becomes RFC 9457 problem details ({@link
 * ProblemJson}, the shape the resources answer their own errors with), never an HTML page or a
 * stack trace. Client errors (4xx: unknown path, wrong method, unreadable body, a caller the
 * service layer refuses — {@link SecurityException}, 403) are the caller's mistake and logged once
 * at FINE without a stack trace, so a scanner cannot fill the log; server errors are logged once at
 * SEVERE with the stack trace, and the caller sees only a generic message.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    int status =
        exception instanceof WebApplicationException web
            ? web.getResponse().getStatus()
            : exception instanceof SecurityException ? 403 : unreadableUri(exception) ? 400 : 500;
    if (status < 400) {
      // A redirect or similar thrown as an exception: keep the resource's own answer.
      return ((WebApplicationException) exception).getResponse();
    }
    if (status == 500 && eu.rathaus.web.platform.DatabaseOutage.isCause(exception)) {
      LOG.log(Level.WARNING, "API request met an unreachable database: {0}", exception.toString());
      return Response.fromResponse(
              answer(503, "The service is temporarily unavailable; please try again."))
          .header("Retry-After", eu.rathaus.web.platform.DatabaseOutage.RETRY_AFTER_SECONDS)
          .build();
    }
    if (status >= 500) {
      LOG.log(Level.SEVERE, "API request failed", exception);
      return answer(status, "The request could not be processed.");
    }
    LOG.log(
        Level.FINE,
        "API request refused with {0}: {1}",
        new Object[] {status, exception.toString()});
    return answer(status, "The request was refused (" + errorWord(status) + ").");
  }

  /**
   * A request URI RESTEasy cannot parse (e.g. unescaped brackets in the path, found by the fuzzing
   * drill) is the client's error, not the server's.
   */
  static boolean unreadableUri(Throwable exception) {
    return exception instanceof IllegalArgumentException
        && exception.getCause() instanceof java.net.URISyntaxException;
  }

  /** The error word of a status: its reason phrase in lower case with hyphens ("not-found"). */
  static String errorWord(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String phrase =
        known == null ? (status >= 500 ? "server-error" : "client-error") : known.getReasonPhrase();
    return phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  static Response answer(int status, String message) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? errorWord(status) : known.getReasonPhrase();
    return ProblemJson.response(status, errorWord(status), title, message);
  }
}
