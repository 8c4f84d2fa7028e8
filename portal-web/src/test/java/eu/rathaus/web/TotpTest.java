package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Totp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpTest {

  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesTheSha1TestVectorsOfRfc6238() {
    assertThat(Totp.code(RFC_KEY, 59, 8)).isEqualTo("94287082");
    assertThat(Totp.code(RFC_KEY, 1111111109, 8)).isEqualTo("07081804");
    assertThat(Totp.code(RFC_KEY, 20000000000L, 8)).isEqualTo("65353130");
  }

  @Test
  void sixDigitsAreTheLastSixOfTheEightDigitCode() {
    assertThat(Totp.code(RFC_KEY, 59, 6)).isEqualTo("287082");
    assertThat(Totp.now(Totp.DEMO_SECRET)).hasSize(6).containsOnlyDigits();
  }
}
