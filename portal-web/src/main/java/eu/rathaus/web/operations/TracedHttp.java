package eu.rathaus.web.operations;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An outgoing call of the JDK's {@link HttpClient} (the portal's calls to Keycloak) as a client
 * span of the current request, with the W3C {@code traceparent} header, so Keycloak's own spans of
 * that call join the portal's trace. Without tracing the request goes out unchanged.
 */
public final class TracedHttp {

  private static final Telemetry TELEMETRY = new Telemetry();
  private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<String> HOST = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");

  private TracedHttp() {}

  public static <T> HttpResponse<T> send(
      HttpClient client, HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    HttpRequest request = builder.build();
    OpenTelemetry openTelemetry = TELEMETRY.openTelemetry();
    URI uri = request.uri();
    Span span =
        openTelemetry
            .getTracer(Telemetry.SCOPE)
            .spanBuilder(request.method())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(Telemetry.METHOD, request.method())
            .setAttribute(URL, withoutQuery(uri))
            .setAttribute(HOST, uri.getHost())
            .setAttribute(PORT, (long) uri.getPort())
            .startSpan();
    if (!span.getSpanContext().isValid()) {
      span.end();
      return client.send(request, body);
    }
    try (Scope scope = span.makeCurrent()) {
      openTelemetry
          .getPropagators()
          .getTextMapPropagator()
          .inject(
              Context.current(), builder, (carrier, key, value) -> carrier.setHeader(key, value));
      HttpResponse<T> response = client.send(builder.build(), body);
      span.setAttribute(Telemetry.STATUS, (long) response.statusCode());
      if (response.statusCode() >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      return response;
    } catch (IOException | RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }

  private static String withoutQuery(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getAuthority()
        + (uri.getPath() == null ? "" : uri.getPath());
  }
}
