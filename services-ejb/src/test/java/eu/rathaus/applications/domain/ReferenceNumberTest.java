package eu.rathaus.applications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceNumberTest {

  @Test
  void formatsWithZeroPaddedCounter() {
    assertThat(new ReferenceNumber("MUS", 2026, 123).format()).isEqualTo("MUS-2026-000123");
    assertThat(new ReferenceNumber("BSP", 2027, 999_999).toString()).isEqualTo("BSP-2027-999999");
  }

  @Test
  void parsesWhatItFormatsAndForgivesCaseAndSpaces() {
    ReferenceNumber number = ReferenceNumber.parse("  mus-2026-000123 ");

    assertThat(number).isEqualTo(new ReferenceNumber("MUS", 2026, 123));
    assertThat(ReferenceNumber.parse(number.format())).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MUS-2026-123",
        "MU-2026-000123",
        "MUS2026000123",
        "MUS-26-000123",
        "MUS-2026-0001234",
        "MUS-2026-000000",
        "MÜS-2026-000123",
        "",
        "MUS-2026-00012３"
      })
  void refusesMalformedNumbers(String text) {
    assertThat(ReferenceNumber.isValid(text)).isFalse();
    assertThatThrownBy(() -> ReferenceNumber.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesCountersThatWouldNeedASeventhDigit() {
    assertThatThrownBy(() -> new ReferenceNumber("MUS", 2026, 1_000_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReferenceNumber("MUS", 2026, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReferenceNumber("mus", 2026, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ReferenceNumber.isValid(null)).isFalse();
  }

  @Test
  void ordersByMunicipalityYearAndCounter() {
    assertThat(new ReferenceNumber("MUS", 2026, 9))
        .isLessThan(new ReferenceNumber("MUS", 2026, 10));
    assertThat(new ReferenceNumber("MUS", 2026, 999_999))
        .isLessThan(new ReferenceNumber("MUS", 2027, 1));
  }
}
