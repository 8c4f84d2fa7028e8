package eu.rathaus.web.treasury;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The treasury CSV names every state and payment method in German words, none as its code. */
class PaymentsCsvLabelsTest {

  @Test
  void everyStateAndMethodHasItsGermanLabel() {
    assertThat(PaymentsCsvServlet.GERMAN_LABELS.state(PaymentState.PAID)).isEqualTo("Bezahlt");
    assertThat(PaymentsCsvServlet.GERMAN_LABELS.method(PaymentMethod.SEPA_TRANSFER))
        .isEqualTo("Überweisung");
    Arrays.stream(PaymentState.values())
        .forEach(s -> assertThat(PaymentsCsvServlet.GERMAN_LABELS.state(s)).isNotEqualTo(s.name()));
    Arrays.stream(PaymentMethod.values())
        .forEach(
            m -> assertThat(PaymentsCsvServlet.GERMAN_LABELS.method(m)).isNotEqualTo(m.name()));
  }
}
