package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeRuleTest {

  private final FeeRule byDuration =
      new FeeRule.ByChoice(
          "validity", Map.of("oneYear", Money.euroCents(3000), "twoYears", Money.euroCents(5500)));

  @Test
  void fixedFeeIgnoresTheAnswers() {
    FeeRule fixed = new FeeRule.Fixed(Money.euroCents(1000));

    assertThat(fixed.evaluate(Forms.answers("{}"))).contains(Money.euroCents(1000));
    assertThat(fixed.evaluate(null)).contains(Money.euroCents(1000));
    assertThat(fixed.minimum()).isEqualTo(Money.euroCents(1000));
  }

  @Test
  void feeByChoiceTakesTheAmountOfTheChosenOption() {
    assertThat(byDuration.evaluate(Forms.answers("{\"validity\": \"oneYear\"}")))
        .contains(Money.euroCents(3000));
    assertThat(byDuration.evaluate(Forms.answers("{\"validity\": \"twoYears\"}")))
        .contains(Money.euroCents(5500));
  }

  @Test
  void feeByChoiceIsUnknownUntilAValidOptionIsChosen() {
    assertThat(byDuration.evaluate(Forms.answers("{}"))).isEmpty();
    assertThat(byDuration.evaluate(Forms.answers("{\"validity\": \"tenYears\"}"))).isEmpty();
    assertThat(byDuration.evaluate(Forms.answers("{\"validity\": [\"oneYear\"]}"))).isEmpty();
    assertThat(byDuration.evaluate(null)).isEmpty();
  }

  @Test
  void minimumIsTheCheapestOption() {
    assertThat(byDuration.minimum()).isEqualTo(Money.euroCents(3000));
  }

  @Test
  void feeOfTheFixtureFormFollowsItsSizeChoice() {
    FormDefinition form = Forms.allTypes();

    assertThat(form.fee().evaluate(Forms.answers("{\"size\": \"large\"}")))
        .contains(Money.euroCents(3000));
    assertThat(form.fee().evaluate(Forms.answers("{\"size\": \"small\"}")))
        .contains(Money.euroCents(1250));
  }
}
