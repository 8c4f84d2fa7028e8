package eu.rathaus.web.operations;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deployment's OpenTelemetry (WildFly's MicroProfile Telemetry bean) for code that CDI does not
 * create, such as the Undertow handler: looked up on first use, when CDI is running. A no-op
 * instance when tracing is off ({@code otel.sdk.disabled}) — spans then cost next to nothing and
 * carry no ids.
 */
final class Telemetry {

  /** Instrumentation scope of the portal's own spans. */
  static final String SCOPE = "eu.rathaus.portal";

  /** Semantic-convention attributes both the server and the client spans carry. */
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");

  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

  private static final Logger LOG = Logger.getLogger(Telemetry.class.getName());

  private volatile OpenTelemetry openTelemetry;

  OpenTelemetry openTelemetry() {
    OpenTelemetry current = openTelemetry;
    if (current == null) {
      current = lookUp();
      openTelemetry = current;
    }
    return current;
  }

  private static OpenTelemetry lookUp() {
    try {
      return CDI.current().select(OpenTelemetry.class).get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "No OpenTelemetry bean; requests are not traced: {0}", e.toString());
      return OpenTelemetry.noop();
    }
  }
}
