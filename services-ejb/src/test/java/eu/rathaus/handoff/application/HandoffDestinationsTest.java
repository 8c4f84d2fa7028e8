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
}
