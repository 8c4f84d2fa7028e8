package eu.rathaus.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.OtlpReceiver;
import eu.rathaus.web.it.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, traces: the test stack runs like a production with tracing on (StackConfig.forTests:
 * OTLP endpoint, JSON logs) — the launcher's WildFly and Keycloak export to {@link OtlpReceiver} in
 * this JVM. Each test sends its own W3C {@code traceparent}, so it finds exactly its trace among
 * everything the other tests cause.
 */
class TracingIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static String base;

  @BeforeAll
  static void portal() {
    base = ItStack.portal().config().portalBaseUrl();
  }

  /** A fresh trace of the test: {@code traceparent} with random trace and parent span id. */
  private record TestTrace(String traceId, String parentSpanId, String requestId) {
    static TestTrace fresh() {
      HexFormat hex = HexFormat.of();
      byte[] trace = new byte[16];
      byte[] span = new byte[8];
      RANDOM.nextBytes(trace);
      RANDOM.nextBytes(span);
      return new TestTrace(
          hex.formatHex(trace), hex.formatHex(span), "tracing-it-" + hex.formatHex(span));
    }

    String traceparent() {
      return "00-" + traceId + "-" + parentSpanId + "-01";
    }
  }

  private static HttpResponse<String> send(String method, String path, TestTrace trace)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("traceparent", trace.traceparent())
            .header("X-Request-Id", trace.requestId())
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The spans of a trace once {@code complete} holds for them, or what arrived after 30 s. */
  private static List<ReceivedSpan> awaitTrace(
      String traceId, Predicate<List<ReceivedSpan>> complete) throws InterruptedException {
    OtlpReceiver receiver = ItStack.traces();
    Instant deadline = Instant.now().plus(WAIT);
    List<ReceivedSpan> spans;
    do {
      spans = receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
      if (complete.test(spans)) {
        return spans;
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    return spans;
  }

  private static Optional<ReceivedSpan> find(List<ReceivedSpan> spans, Predicate<ReceivedSpan> p) {
    return spans.stream().filter(p).findFirst();
  }

  private static boolean isPortalServer(ReceivedSpan s) {
    return s.service().equals("rathaus-portal") && s.kind() == SpanKind.SPAN_KIND_SERVER;
  }

  private static boolean isSql(ReceivedSpan s) {
    return s.service().equals("rathaus-portal")
        && s.kind() == SpanKind.SPAN_KIND_CLIENT
        && "postgresql".equals(s.attribute("db.system"));
  }

  /** True if {@code span} descends from {@code ancestor} within the trace. */
  private static boolean descendsFrom(
      ReceivedSpan span, ReceivedSpan ancestor, List<ReceivedSpan> trace) {
    Map<String, ReceivedSpan> byId =
        trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s, (a, b) -> a));
    ReceivedSpan current = span;
    for (int hops = 0; current != null && hops < 50; hops++) {
      if (current.parentSpanId().equals(ancestor.spanId())) {
        return true;
      }
      current = byId.get(current.parentSpanId());
    }
    return false;
  }

  @Test
  void aPageIsOneTraceWithTheRouteAndItsSqlStatementsAsChildren() throws Exception {
    TestTrace trace = TestTrace.fresh();
    HttpResponse<String> page = send("GET", "/municipality.xhtml?m=musterstadt", trace);
    assertThat(page.statusCode()).isEqualTo(200);

    List<ReceivedSpan> spans =
        awaitTrace(
            trace.traceId(),
            s ->
                s.stream().anyMatch(TracingIT::isPortalServer)
                    && s.stream().anyMatch(TracingIT::isSql));

    ReceivedSpan server =
        find(spans, TracingIT::isPortalServer)
            .orElseThrow(() -> new AssertionError("no server span of the portal in " + spans));
    assertThat(server.parentSpanId())
        .as("continues the caller's traceparent")
        .isEqualTo(trace.parentSpanId());
    assertThat(server.name()).isEqualTo("GET /municipality.xhtml");
    assertThat(server.attribute("http.route")).isEqualTo("/municipality.xhtml");
    assertThat(server.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(server.attribute("rathaus.request_id")).isEqualTo(trace.requestId());

    List<ReceivedSpan> sql = spans.stream().filter(TracingIT::isSql).toList();
    assertThat(sql)
        .as(
            "SQL statements of the page; the trace: %s; SQL spans received in all: %s",
            spans, ItStack.traces().spans().stream().filter(TracingIT::isSql).count())
        .isNotEmpty();
    assertThat(sql)
        .allSatisfy(
            s -> {
              assertThat(descendsFrom(s, server, spans)).as(s + " under the page's span").isTrue();
              assertThat(s.attribute("db.name")).isEqualTo("rathaus");
            });
    assertThat(sql)
        .anySatisfy(s -> assertThat(s.attribute("db.statement")).containsIgnoringCase("select"));
    // Whatever was logged while the page was rendered (by the portal or the Faces implementation)
    // names the request and its trace.
    assertThat(linesOf(trace.requestId()))
        .allSatisfy(
            l -> assertThat(l.path("mdc").path("traceId").asText()).isEqualTo(trace.traceId()));
  }

  @Test
  void theCallToKeycloakContinuesInKeycloaksOwnSpans() throws Exception {
    // The sign-in door asks Keycloak whether it answers (IdentityProviderCheck), at most every 5 s.
    TestTrace trace = null;
    List<ReceivedSpan> spans = List.of();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    while (Instant.now().isBefore(deadline)) {
      trace = TestTrace.fresh();
      assertThat(send("GET", "/signin", trace).statusCode()).isEqualTo(302);
      spans =
          awaitTrace(
              trace.traceId(),
              s ->
                  s.stream().anyMatch(x -> x.service().equals("keycloak"))
                      && s.stream().anyMatch(x -> x.kind() == SpanKind.SPAN_KIND_CLIENT));
      if (spans.stream().anyMatch(x -> x.service().equals("keycloak"))) {
        break;
      }
      Thread.sleep(5_500);
    }
    List<ReceivedSpan> trace1 = spans;
    ReceivedSpan call =
        find(
                spans,
                s ->
                    s.service().equals("rathaus-portal")
                        && s.kind() == SpanKind.SPAN_KIND_CLIENT
                        && String.valueOf(s.attribute("url.full"))
                            .endsWith("/.well-known/openid-configuration"))
            .orElseThrow(
                () -> new AssertionError("no call of the portal to Keycloak in " + trace1));
    ReceivedSpan server = find(spans, TracingIT::isPortalServer).orElseThrow();
    assertThat(server.attribute("http.route")).isEqualTo("/signin");
    assertThat(call.parentSpanId()).isEqualTo(server.spanId());

    List<ReceivedSpan> keycloak =
        spans.stream().filter(s -> s.service().equals("keycloak")).toList();
    assertThat(keycloak).as("Keycloak's spans in the portal's trace").isNotEmpty();
    assertThat(keycloak)
        .anySatisfy(
            s -> {
              assertThat(s.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
              assertThat(s.parentSpanId())
                  .as("child of the portal's call")
                  .isEqualTo(call.spanId());
            });
  }

  @Test
  void everyJsonLogLineOfARequestNamesItsRequestAndTrace() throws Exception {
    TestTrace trace = TestTrace.fresh();
    // A payment notification for a provider that does not exist: the payments service logs a
    // warning inside the request (Jakarta REST, a transactional bean of services-ejb).
    HttpResponse<String> refused = send("POST", "/api/v1/payments/notifications/nobody", trace);
    assertThat(refused.statusCode()).isBetween(400, 499);
    assertThat(refused.headers().firstValue("X-Request-Id")).hasValue(trace.requestId());

    List<JsonNode> lines = new ArrayList<>();
    Instant deadline = Instant.now().plus(WAIT);
    do {
      lines = linesOf(trace.requestId());
      if (!lines.isEmpty()) {
        break;
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));

    assertThat(lines).as("JSON log lines of request " + trace.requestId()).isNotEmpty();
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l.path("message").asText())
                    .contains("Payment notification for unknown provider"));
    assertThat(lines)
        .allSatisfy(
            l -> {
              assertThat(l.path("mdc").path("traceId").asText()).isEqualTo(trace.traceId());
              assertThat(l.path("mdc").path("spanId").asText()).matches("[0-9a-f]{16}");
            });
    // and no line names the trace without the request (nothing of the request logged outside it)
    assertThat(jsonLines())
        .filteredOn(l -> l.path("mdc").path("traceId").asText().equals(trace.traceId()))
        .allSatisfy(
            l -> assertThat(l.path("mdc").path("requestId").asText()).isEqualTo(trace.requestId()));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(LocalWildFly.logFile(ItStack.config()))) {
      if (line.startsWith("{")) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private static List<JsonNode> linesOf(String requestId) throws Exception {
    return jsonLines().stream()
        .filter(l -> l.path("mdc").path("requestId").asText().equals(requestId))
        .toList();
  }
}
