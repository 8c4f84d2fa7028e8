package eu.rathaus.web.operations;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletPathMatch;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import jakarta.servlet.http.MappingMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Opens the context of one request before anything of the portal runs — sign-in (OIDC) included —
 * and closes it after the last line Undertow logs about it (issue 12).
 *
 * <ul>
 *   <li><b>Request id</b>: kept from {@code X-Request-Id} if well-formed (the load balancer's, so
 *       its access log joins the portal's lines), else a random UUID; in the logging MDC as {@code
 *       requestId} and answered as {@code X-Request-Id}.
 *   <li><b>Trace</b> (when tracing is on): a server span {@code GET /path.xhtml} continuing a W3C
 *       {@code traceparent} the caller sent; current while the request runs, so the SQL statements
 *       (JDBC instrumentation) and the calls to Keycloak become its children. {@code traceId} and
 *       {@code spanId} join the MDC, so every JSON log line of the request names its trace.
 * </ul>
 *
 * <p>Why an Undertow handler and not a servlet filter: the filter chain starts after the
 * authentication mechanism (the OIDC code exchange) and ends before Undertow logs a failed request
 * ({@code UT005023}); the MDC is cleared only when the exchange is complete.
 */
final class RequestContextHandler implements HttpHandler {

  static final String HEADER = "X-Request-Id";
  static final String REQUEST_ID = "requestId";
  static final String TRACE_ID = "traceId";
  static final String SPAN_ID = "spanId";

  private static final HttpString RESPONSE_HEADER = new HttpString(HEADER);
  private static final Pattern WELL_FORMED = Pattern.compile("[\\w.:-]{8,64}");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> REQUEST_ID_ATTRIBUTE =
      AttributeKey.stringKey("rathaus.request_id");

  private static final TextMapGetter<HeaderMap> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HeaderMap carrier) {
          List<String> names = new ArrayList<>();
          carrier.getHeaderNames().forEach(name -> names.add(name.toString()));
          return names;
        }

        @Override
        public String get(HeaderMap carrier, String key) {
          return carrier == null ? null : carrier.getFirst(key);
        }
      };

  private final HttpHandler next;
  private final Telemetry telemetry;

  RequestContextHandler(HttpHandler next, Telemetry telemetry) {
    this.next = next;
    this.telemetry = telemetry;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String id = requestId(exchange.getRequestHeaders().getFirst(HEADER));
    exchange.getResponseHeaders().put(RESPONSE_HEADER, id);
    Span span = startSpan(exchange, id);
    SpanContext traced = span.getSpanContext();
    MDC.put(REQUEST_ID, id);
    if (traced.isValid()) {
      MDC.put(TRACE_ID, traced.getTraceId());
      MDC.put(SPAN_ID, traced.getSpanId());
    }
    Thread worker = Thread.currentThread();
    exchange.addExchangeCompleteListener(
        (done, nextListener) -> {
          try {
            endSpan(done, span);
            if (Thread.currentThread() == worker) {
              clearMdc();
            }
          } finally {
            nextListener.proceed();
          }
        });
    try (Scope scope = span.makeCurrent()) {
      next.handleRequest(exchange);
    } finally {
      // Usually the exchange completes after this handler (Undertow logs a failure in between):
      // the listener clears. An exchange that went asynchronous continues on another thread.
      if (exchange.isComplete() || exchange.isDispatched()) {
        clearMdc();
      }
    }
  }

  private Span startSpan(HttpServerExchange exchange, String requestId) {
    OpenTelemetry openTelemetry = telemetry.openTelemetry();
    Context parent =
        openTelemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), exchange.getRequestHeaders(), HEADERS);
    String method = exchange.getRequestMethod().toString();
    Tracer tracer = openTelemetry.getTracer(Telemetry.SCOPE);
    return tracer
        .spanBuilder(method)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute(Telemetry.METHOD, method)
        .setAttribute(PATH, exchange.getRequestPath())
        .setAttribute(SCHEME, exchange.getRequestScheme())
        .setAttribute(REQUEST_ID_ATTRIBUTE, requestId)
        .startSpan();
  }

  private static void endSpan(HttpServerExchange exchange, Span span) {
    if (!span.isRecording()) {
      span.end();
      return;
    }
    String route = route(exchange);
    if (route != null) {
      span.setAttribute(ROUTE, route);
      span.updateName(exchange.getRequestMethod() + " " + route);
    }
    int status = exchange.getStatusCode();
    span.setAttribute(Telemetry.STATUS, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /**
   * The servlet mapping that served the request, as a template: {@code /index.xhtml} for a Faces
   * page (one per page, never a citizen's data), {@code /api/v1/*} for a path mapping.
   */
  static String route(HttpServerExchange exchange) {
    ServletRequestContext context = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
    if (context == null || context.getOriginalServletPathMatch() == null) {
      return null;
    }
    ServletPathMatch match = context.getOriginalServletPathMatch();
    return route(match.getMappingMatch(), match.getMatched());
  }

  static String route(MappingMatch mapping, String matched) {
    if (mapping == null) {
      return null;
    }
    return switch (mapping) {
      case EXACT, EXTENSION -> matched;
      case PATH -> (matched == null ? "" : matched) + "/*";
      case CONTEXT_ROOT -> "/";
      case DEFAULT -> "/*";
    };
  }

  private static void clearMdc() {
    MDC.remove(REQUEST_ID);
    MDC.remove(TRACE_ID);
    MDC.remove(SPAN_ID);
  }

  static String requestId(String sent) {
    return sent != null && WELL_FORMED.matcher(sent).matches()
        ? sent
        : UUID.randomUUID().toString();
  }
}
