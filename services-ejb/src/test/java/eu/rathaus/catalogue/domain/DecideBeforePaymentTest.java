package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The service setting "decide before payment": optional boolean, false unless set. */
class DecideBeforePaymentTest {

  @Test
  void isFalseWhenAbsent() {
    assertThat(FormDefinitionValidator.validate(Forms.ALL_TYPES).definition().decideBeforePayment())
        .isFalse();
  }

  @Test
  void isReadWhenSet() {
    FormDefinitionValidator.Result result =
        FormDefinitionValidator.validate(Forms.changed(f -> f.put("decideBeforePayment", true)));

    assertThat(result.problems()).isEmpty();
    assertThat(result.definition().decideBeforePayment()).isTrue();
  }

  @Test
  void aNonBooleanIsRefusedByTheSchema() {
    FormDefinitionValidator.Result result =
        FormDefinitionValidator.validate(Forms.changed(f -> f.put("decideBeforePayment", "yes")));

    assertThat(result.isValid()).isFalse();
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p.target()).contains("decideBeforePayment"));
  }
}
