package eu.rathaus.registers.residents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterServiceSettingsTest {

  private static Optional<RegisterServiceSettings> of(Map<String, String> values) {
    return RegisterServiceSettings.from(k -> Optional.ofNullable(values.get(k)));
  }

  private static Map<String, String> complete(String url) {
    Map<String, String> values = new HashMap<>();
    values.put(RegisterServiceSettings.URL, url);
    values.put(RegisterServiceSettings.CLIENT_ID, "portal");
    values.put(RegisterServiceSettings.CLIENT_SECRET, "s3cret");
    return values;
  }

  @Test
  void withoutAUrlTheBuiltInRegisterIsUsed() {
    assertThat(of(Map.of())).isEmpty();
  }

  @Test
  void theTokenEndpointDefaultsBelowTheServiceAndTheTimeoutToFiveSeconds() {
    RegisterServiceSettings s = of(complete("https://register.kommune.example/v1/")).orElseThrow();
    assertThat(s.tokenUrl())
        .isEqualTo(URI.create("https://register.kommune.example/v1/oauth2/token"));
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.toString()).doesNotContain("s3cret");
  }

  @Test
  void wrongSettingsAreNamed() {
    Map<String, String> noSecret = complete("https://register.kommune.example");
    noSecret.remove(RegisterServiceSettings.CLIENT_SECRET);
    assertThatThrownBy(() -> of(noSecret)).hasMessageContaining("RATHAUS_REGISTER_CLIENT_SECRET");
    assertThatThrownBy(() -> of(complete("ftp://register.kommune.example")))
        .hasMessageContaining("RATHAUS_REGISTER_URL");
    Map<String, String> slow = complete("https://register.kommune.example");
    slow.put(RegisterServiceSettings.TIMEOUT_MS, "600000");
    assertThatThrownBy(() -> of(slow)).hasMessageContaining("RATHAUS_REGISTER_TIMEOUT_MS");
  }

  @Test
  void theServiceAndItsTokenEndpointMustLieWithinTheResidencyPolicy() {
    Map<String, String> values = complete("https://register.rathaus-cloud.example/v1");
    RegisterServiceSettings inside = of(values).orElseThrow();
    assertThat(inside.withinResidency(Optional.of("*.rathaus-cloud.example"))).isTrue();
    assertThat(inside.withinResidency(Optional.empty())).isTrue();
    assertThat(inside.withinResidency(Optional.of("*.other.example"))).isFalse();
    values.put(RegisterServiceSettings.TOKEN_URL, "https://login.elsewhere.example/token");
    assertThat(of(values).orElseThrow().withinResidency(Optional.of("*.rathaus-cloud.example")))
        .isFalse();
    assertThat(
            of(complete("http://localhost:18580"))
                .orElseThrow()
                .withinResidency(Optional.of("*.rathaus-cloud.example")))
        .isTrue();
  }

  @Test
  void theServiceAndItsTokenEndpointAreOutboundEndpointsTheProductionCheckSees() {
    Map<String, String> values = complete("https://register.elsewhere.example/v1");
    values.put(RegisterServiceSettings.TOKEN_URL, "https://login.elsewhere.example/token");
    values.put("RATHAUS_RESIDENCY_HOSTS", "*.rathaus-cloud.example");
    assertThat(
            eu.rathaus.platform.OutboundEndpoints.configured(
                k -> Optional.ofNullable(values.get(k)), k -> Optional.empty()))
        .extracting(e -> e.purpose() + " " + e.setting() + " " + e.host())
        .containsExactly(
            "register RATHAUS_REGISTER_URL register.elsewhere.example",
            "register RATHAUS_REGISTER_TOKEN_URL login.elsewhere.example");
  }
}
