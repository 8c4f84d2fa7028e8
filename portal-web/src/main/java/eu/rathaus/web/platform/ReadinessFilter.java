package eu.rathaus.web.platform;

import eu.rathaus.platform.SchemaBootstrap;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 503 with a friendly page while the database schema is not ready, instead of letting a
 * page fail half-way with a 500. Static resources and error pages still pass.
 */
@WebFilter(urlPatterns = "/*")
public class ReadinessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject SchemaBootstrap schema;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean passive =
        path.startsWith("/errors/")
            || path.startsWith("/resources/")
            || path.startsWith("/jakarta.faces.resource/");
    if (!passive && !schema.isReady()) {
      response.setHeader("Retry-After", "30");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    chain.doFilter(request, response);
  }
}
