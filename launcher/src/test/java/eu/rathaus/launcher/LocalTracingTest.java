package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12: tracing of the local stack follows OTEL_EXPORTER_OTLP_ENDPOINT, off without it. */
class LocalTracingTest {

  private static StackConfig up(Map<String, String> env) {
    return StackConfig.fromEnvironment(Path.of("."), env);
  }

  @Test
  void withoutAnEndpointNothingIsTraced() {
    StackConfig config = up(Map.of());
    assertThat(config.otlpEndpoint()).isNull();
    assertThat(LocalKeycloak.buildOptions(config)).isEqualTo(LocalKeycloak.BUILD_OPTIONS);
    assertThat(LocalKeycloak.tracingOptions(config)).isEmpty();
    assertThat(LocalWildFly.environment(config))
        .doesNotContainKeys(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "RATHAUS_DATASOURCE_DRIVER", "RATHAUS_DATASOURCE_URL");
  }

  @Test
  void anEndpointTracesPortalDatabaseAndKeycloak() {
    StackConfig config = up(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));
    assertThat(LocalKeycloak.buildOptions(config))
        .containsAll(LocalKeycloak.BUILD_OPTIONS)
        .contains("--tracing-enabled=true", "--tracing-sampler-type=parentbased_traceidratio");
    assertThat(LocalKeycloak.tracingOptions(config))
        .contains(
            "--tracing-endpoint=http://collector:4318/v1/traces",
            "--tracing-protocol=http/protobuf");
    assertThat(LocalWildFly.environment(config))
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")
        .containsEntry("RATHAUS_DATASOURCE_DRIVER", "postgresql-otel")
        .containsEntry("RATHAUS_DATASOURCE_URL", "jdbc:otel:postgresql://127.0.0.1:15432/rathaus");
  }

  @Test
  void theTestStackTracesToItsOwnReceiverAndLogsJson() {
    StackConfig config = StackConfig.forTests(Path.of("."), Path.of("target/tracing-test"));
    assertThat(config.otlpEndpoint()).isEqualTo("http://127.0.0.1:" + StackConfig.TEST_OTLP_PORT);
    assertThat(config.jsonLogs()).isTrue();
    assertThat(up(Map.of()).jsonLogs()).isFalse();
    assertThat(up(Map.of("RATHAUS_LOG_FORMAT", "json")).jsonLogs()).isTrue();
  }
}
