package eu.rathaus.handoff.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandoffDestinationsTest {

  @Test
  void anEndpointIsACompleteHttpAddressWithoutCredentials() {
    assertThat(HandoffDestinations.validEndpoint("https://fachverfahren.example.org/rathaus"))
        .isTrue();
    assertThat(HandoffDestinations.validEndpoint("http://127.0.0.1:8080/x")).isTrue();
    assertThat(HandoffDestinations.validEndpoint("ftp://fachverfahren.example.org")).isFalse();
    assertThat(HandoffDestinations.validEndpoint("https://user:pw@example.org")).isFalse();
    assertThat(HandoffDestinations.validEndpoint("fachverfahren.example.org")).isFalse();
    assertThat(HandoffDestinations.validEndpoint("https://exa mple.org")).isFalse();
    assertThat(HandoffDestinations.validEndpoint("https://example.org/" + "a".repeat(500)))
        .isFalse();
    assertThat(HandoffDestinations.validEndpoint("")).isFalse();
  }

  @Test
  void anEndpointOutsideTheResidencyPolicyIsRefused() {
    java.util.Optional<String> policy = java.util.Optional.of("*.verwaltungscloud.eu 10.0.0.0/8");
    assertThat(
            HandoffDestinations.withinResidency(
                "https://fachverfahren.verwaltungscloud.eu/rathaus", policy))
        .isTrue();
    assertThat(HandoffDestinations.withinResidency("https://10.1.2.3:8443/x", policy)).isTrue();
    assertThat(HandoffDestinations.withinResidency("https://fachverfahren.example.com", policy))
        .isFalse();
    assertThat(HandoffDestinations.withinResidency("https://11.1.2.3/x", policy)).isFalse();
    // A demo without a policy allows every host; a policy that does not parse allows none.
    assertThat(
            HandoffDestinations.withinResidency(
                "https://fachverfahren.example.com", java.util.Optional.empty()))
        .isTrue();
    assertThat(
            HandoffDestinations.withinResidency(
                "https://fachverfahren.verwaltungscloud.eu", java.util.Optional.of("not a host!")))
        .isFalse();
  }
}
