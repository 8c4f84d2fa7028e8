package eu.rathaus.web.operations;

import eu.rathaus.platform.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /internal/metrics}: the business metrics in Prometheus' text format, for Prometheus
 * only. The path is on the public port (a WAR cannot serve on WildFly's management port), so it is
 * closed three times: it answers 404 unless {@code RATHAUS_METRICS_TOKEN} is set, 401 unless the
 * request carries that token as {@code Authorization: Bearer …}, and the load balancer and Ingress
 * refuse {@code /internal/} from outside (docker/haproxy, docker/kubernetes).
 */
@WebServlet(urlPatterns = "/internal/metrics")
public class MetricsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Prometheus' text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  @Inject transient BusinessMetrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    Optional<String> token = Settings.value("RATHAUS_METRICS_TOKEN");
    if (token.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!authorized(request.getHeader("Authorization"), token.get())) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"rathaus-metrics\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Constant-time comparison: the answer's timing tells nothing about the token. */
  static boolean authorized(String header, String token) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(
        header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }
}
