package eu.rathaus.payments.infrastructure;

import eu.rathaus.payments.application.PaymentProvider;
import eu.rathaus.payments.application.PaymentProviderException;
import eu.rathaus.payments.application.PaymentSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The hosted payment page provider, spoken over HTTP with the JDK client: the local sandbox ({@code
 * ./rathaus up}) or any provider speaking the same protocol ({@link HostedPageProtocol}).
 * Configured by {@code PAYMENT_PROVIDER_URL} and {@code PAYMENT_PROVIDER_SECRET} (shared HMAC key,
 * at least 32 bytes). Requests time out after a few seconds: a slow provider must not hold a
 * citizen's request or a database lock for long.
 */
@ApplicationScoped
public class HostedPageProvider implements PaymentProvider {

  public static final String NAME = "hosted";

  /** The sandbox's local default; production sets its own secret. */
  public static final String LOCAL_SECRET = eu.rathaus.platform.DemoValues.PAYMENT_SECRET;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public String name() {
    return NAME;
  }

  static String baseUrl() {
    String base = PaymentSettings.text("PAYMENT_PROVIDER_URL", "http://127.0.0.1:8480");
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  static HostedPageProtocol protocol() {
    return new HostedPageProtocol(
        PaymentSettings.text("PAYMENT_PROVIDER_SECRET", LOCAL_SECRET)
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public HostedSession createSession(SessionRequest request) {
    return HostedPageProtocol.session(
        send("POST", "/api/sessions", HostedPageProtocol.sessionRequest(request), 201));
  }

  @Override
  public ProviderStatus status(String providerPaymentId) {
    return HostedPageProtocol.status(
        send("GET", "/api/sessions/" + encode(providerPaymentId), new byte[0], 200));
  }

  @Override
  public ProviderRefund refund(String providerPaymentId, long cents, String reason) {
    return HostedPageProtocol.refund(
        send(
            "POST",
            "/api/sessions/" + encode(providerPaymentId) + "/refunds",
            HostedPageProtocol.refundRequest(cents, reason),
            201));
  }

  @Override
  public NotificationCheck verify(Map<String, String> headers, byte[] body, Instant now) {
    return protocol().verify(headers, body, now);
  }

  private byte[] send(String method, String path, byte[] body, int expected) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    protocol().sign(body, Instant.now()).forEach(builder::header);
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != expected) {
        throw new PaymentProviderException(
            method + " " + path + " answered HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new PaymentProviderException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaymentProviderException(method + " " + path + " interrupted", e);
    }
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
