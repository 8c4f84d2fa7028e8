package eu.rathaus.web.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id, puts it into the logging MDC as {@code requestId} (every log line
 * written while the request runs carries it; the JSON log format prints the MDC) and answers it as
 * {@code X-Request-Id}. An id the load balancer set is kept, if it looks like one, so its access
 * log and the portal's lines can be joined; anything else is replaced, never logged as sent.
 */
@WebFilter(urlPatterns = "/*")
public class RequestIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";
  private static final Pattern WELL_FORMED = Pattern.compile("[\\w.:-]{8,64}");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = requestId(request.getHeader(HEADER));
    Object outer = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, id);
    response.setHeader(HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      // A forward/include runs the filter again on the same thread: restore, don't just remove.
      if (outer == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, outer);
      }
    }
  }

  static String requestId(String sent) {
    return sent != null && WELL_FORMED.matcher(sent).matches()
        ? sent
        : UUID.randomUUID().toString();
  }
}
