package eu.rathaus.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.identity.LevelOfAssurance;
import org.junit.jupiter.api.Test;

class ReturnPathTest {

  @Test
  void keepsLocalPaths() {
    assertThat(ReturnPath.sanitize("/citizen/secure-demo.xhtml"))
        .isEqualTo("/citizen/secure-demo.xhtml");
    assertThat(ReturnPath.sanitize("/?q=beispiel")).isEqualTo("/?q=beispiel");
  }

  @Test
  void refusesEverythingThatCouldLeaveThePortal() {
    assertThat(ReturnPath.sanitize(null)).isEqualTo("/");
    assertThat(ReturnPath.sanitize("")).isEqualTo("/");
    assertThat(ReturnPath.sanitize("https://evil.example/")).isEqualTo("/");
    assertThat(ReturnPath.sanitize("//evil.example/")).isEqualTo("/");
    assertThat(ReturnPath.sanitize("/\\evil.example/")).isEqualTo("/");
    assertThat(ReturnPath.sanitize("/a\r\nSet-Cookie: x")).isEqualTo("/");
  }

  @Test
  void stepUpAsksTheEidThroughTheProviderOfTheLevel() {
    assertThat(StepUp.idpFor(LevelOfAssurance.HIGH)).isEqualTo("eid-high");
    assertThat(StepUp.idpFor(LevelOfAssurance.SUBSTANTIAL)).isEqualTo("eid");
  }
}
