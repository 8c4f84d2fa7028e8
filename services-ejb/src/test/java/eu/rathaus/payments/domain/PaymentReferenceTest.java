package eu.rathaus.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaymentReferenceTest {

  @Test
  void checkDigitsFollowIso11649() {
    // The standard's well-known example.
    assertThat(PaymentReference.withBody("539007547034").value()).isEqualTo("RF18539007547034");
  }

  @Test
  void kassenzeichenCarriesMunicipalityYearAndNumber() {
    PaymentReference ref = PaymentReference.of("mus", 2026, 123);
    assertThat(ref.value()).startsWith("RF").endsWith("MUS2026000123").hasSize(17);
    assertThat(PaymentReference.parse(ref.printed())).isEqualTo(ref);
    assertThat(ref.printed()).matches("RF\\d\\d (\\w{4} )*\\w{1,4}");
  }

  @Test
  void typingMistakesAreCaught() {
    assertThat(PaymentReference.parse("rf18 5390 0754 7034").value()).isEqualTo("RF18539007547034");
    assertThatThrownBy(() -> PaymentReference.parse("RF18539007547035"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentReference.parse("RF81539007547034"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentReference.parse("DE18539007547034"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentReference.parse(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bodiesAreBounded() {
    assertThatThrownBy(() -> PaymentReference.withBody("A".repeat(22)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentReference.withBody("MUS-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentReference.of("MUS", 2026, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
