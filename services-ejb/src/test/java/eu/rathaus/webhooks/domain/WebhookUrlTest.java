package eu.rathaus.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookUrlTest {

  private static final Optional<String> LOCAL = Optional.of("localhost");
  private static final Optional<String> EU = Optional.of("*.example.de,localhost");

  @Test
  void refusesWhatIsNoHttpUrl() {
    for (String bad :
        new String[] {
          null,
          "",
          "ftp://a.example.de/x",
          "https://",
          "not a url",
          "https://u:p@a.example.de/",
          "https://a.example.de/" + "x".repeat(500)
        }) {
      assertThat(WebhookUrl.problem(bad, EU, false)).as(bad).contains("webhooks.url.invalid");
    }
  }

  @Test
  void theHostMustBeWithinTheResidencyPolicy() {
    assertThat(WebhookUrl.problem("https://hooks.example.org/in", EU, false))
        .contains("webhooks.url.residency");
    assertThat(WebhookUrl.problem("https://fachamt.example.de/in", LOCAL, false))
        .contains("webhooks.url.residency");
    assertThat(WebhookUrl.problem("https://fachamt.example.de/in", EU, false)).isEmpty();
    assertThat(WebhookUrl.problem("https://hooks.example.org/in", Optional.empty(), false))
        .isEmpty();
  }

  @Test
  void plainHttpOnlyToThisMachineAndOnlyInTheDemo() {
    assertThat(WebhookUrl.problem("http://fachamt.localhost:8099/in", LOCAL, true)).isEmpty();
    assertThat(WebhookUrl.problem("http://127.0.0.1:8099/in", Optional.empty(), true)).isEmpty();
    assertThat(WebhookUrl.problem("http://fachamt.localhost:8099/in", LOCAL, false))
        .contains("webhooks.url.https");
    assertThat(WebhookUrl.problem("http://fachamt.example.de/in", EU, true))
        .contains("webhooks.url.https");
    assertThat(WebhookUrl.problem("https://fachamt.localhost/in", LOCAL, false)).isEmpty();
  }
}
