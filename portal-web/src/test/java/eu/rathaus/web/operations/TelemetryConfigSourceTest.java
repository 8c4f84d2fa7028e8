package eu.rathaus.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.MappingMatch;
import org.junit.jupiter.api.Test;

class TelemetryConfigSourceTest {

  @Test
  void tracingIsOnExactlyWhenAnEndpointIsSet() {
    assertThat(new TelemetryConfigSource(name -> null).getValue("otel.sdk.disabled"))
        .isEqualTo("true");
    assertThat(new TelemetryConfigSource(name -> " ").getValue("otel.sdk.disabled"))
        .isEqualTo("true");
    TelemetryConfigSource on = new TelemetryConfigSource(name -> "http://collector:4318");
    assertThat(on.getValue("otel.sdk.disabled")).isEqualTo("false");
    assertThat(on.getProperties())
        .containsEntry("otel.service.name", "rathaus-portal")
        .containsEntry("otel.exporter.otlp.protocol", "http/protobuf")
        .containsEntry("otel.metrics.exporter", "none")
        .containsEntry("otel.logs.exporter", "none");
    // below the environment (300) and system properties (400): OTEL_* variables still win
    assertThat(on.getOrdinal()).isLessThan(300);
  }

  @Test
  void routesAreServletMappingsNeverTheRequestedData() {
    assertThat(RequestContextHandler.route(MappingMatch.EXTENSION, "/municipality.xhtml"))
        .isEqualTo("/municipality.xhtml");
    assertThat(RequestContextHandler.route(MappingMatch.EXACT, "/signin")).isEqualTo("/signin");
    assertThat(RequestContextHandler.route(MappingMatch.PATH, "/api/v1")).isEqualTo("/api/v1/*");
    assertThat(RequestContextHandler.route(MappingMatch.CONTEXT_ROOT, "")).isEqualTo("/");
    assertThat(RequestContextHandler.route(null, "/x")).isNull();
  }

  @Test
  void aWellFormedRequestIdIsKeptAnythingElseReplaced() {
    assertThat(RequestContextHandler.requestId("0A0B0C0D:1F90_6579A3C1_0003:1A2B"))
        .isEqualTo("0A0B0C0D:1F90_6579A3C1_0003:1A2B");
    assertThat(RequestContextHandler.requestId("bad id;<script>")).matches("[0-9a-f-]{36}");
    assertThat(RequestContextHandler.requestId(null)).matches("[0-9a-f-]{36}");
  }
}
