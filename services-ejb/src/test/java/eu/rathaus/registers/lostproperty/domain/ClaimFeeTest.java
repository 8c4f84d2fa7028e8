package eu.rathaus.registers.lostproperty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimFeeTest {

  @ParameterizedTest(name = "\"{0}\" is {1} cents")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0",
        "0,00|0",
        "10|1000",
        "12,50|1250",
        "12.5|1250",
        "' 7,05 '|705",
        "7,05 €|705",
        "0,01|1",
        "1000|100000",
        "1000,00|100000"
      })
  void euroAmountsBecomeCents(String input, long cents) {
    ClaimFee fee = ClaimFee.parse(input);

    assertThat(fee.isValid()).isTrue();
    assertThat(fee.cents()).isEqualTo(cents);
    assertThat(fee.value()).contains(cents);
  }

  @ParameterizedTest(name = "\"{0}\" is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-1|negative",
        "-0,50|negative",
        "1000,01|tooHigh",
        "5000|tooHigh",
        "9999999|tooHigh",
        "1,234|cents",
        "1.000|cents",
        "zehn|format",
        "10,|format",
        ",50|format",
        "1e3|format",
        "12345678|format",
        "10 Euro|format"
      })
  void badAmountsAreRefusedWithTheirReason(String input, String reason) {
    ClaimFee fee = ClaimFee.parse(input);

    assertThat(fee.isValid()).isFalse();
    assertThat(fee.problem()).isEqualTo("lostproperty.fee.problem." + reason);
    assertThat(fee.value()).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void nothingIsRefusedAsMissing(String input) {
    assertThat(ClaimFee.parse(input).problem()).isEqualTo("lostproperty.fee.problem.required");
  }
}
