package eu.rathaus.web.operations;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The portal's defaults for WildFly's MicroProfile Telemetry (issue 12): tracing is on exactly when
 * an OTLP endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), spans go out over OTLP/HTTP
 * (protobuf, port 4318 of a collector), the service is called {@code rathaus-portal}, and only
 * traces are exported (metrics are Prometheus' job, logs go to stdout).
 *
 * <p>Ordinal 90: below the environment (300) and system properties (400), so every standard {@code
 * OTEL_*} variable still wins — e.g. {@code OTEL_SDK_DISABLED=true} switches tracing off despite an
 * endpoint, {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc} talks gRPC to port 4317.
 */
public class TelemetryConfigSource implements ConfigSource {

  static final String ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

  private final Map<String, String> values;

  public TelemetryConfigSource() {
    this(System::getenv);
  }

  TelemetryConfigSource(Function<String, String> environment) {
    this.values = defaults(environment.apply(ENDPOINT_VARIABLE));
  }

  /** The defaults for a given endpoint ({@code null} or blank: none configured). */
  static Map<String, String> defaults(String endpoint) {
    boolean on = endpoint != null && !endpoint.isBlank();
    return Map.of(
        "otel.sdk.disabled", Boolean.toString(!on),
        "otel.service.name", "rathaus-portal",
        "otel.exporter.otlp.protocol", "http/protobuf",
        "otel.traces.exporter", "otlp",
        "otel.metrics.exporter", "none",
        "otel.logs.exporter", "none");
  }

  @Override
  public Map<String, String> getProperties() {
    return values;
  }

  @Override
  public Set<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return values.get(propertyName);
  }

  @Override
  public String getName() {
    return "rathaus-telemetry-defaults";
  }

  @Override
  public int getOrdinal() {
    return 90;
  }
}
