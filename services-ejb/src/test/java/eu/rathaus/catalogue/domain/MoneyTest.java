package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void formatsGermanWithCommaAndTrailingEuroSign() {
    assertThat(Money.euroCents(1250).format(Locale.GERMAN)).isEqualTo("12,50 €");
    assertThat(Money.euroCents(5).format(Locale.GERMANY)).isEqualTo("0,05 €");
    assertThat(Money.euroCents(123456789).format(Locale.GERMANY)).isEqualTo("1.234.567,89 €");
    assertThat(Money.ZERO.format(Locale.GERMAN)).isEqualTo("0,00 €");
  }

  @Test
  void formatsEnglishWithPointAndLeadingEuroSign() {
    assertThat(Money.euroCents(1250).format(Locale.ENGLISH)).isEqualTo("€12.50");
  }

  @Test
  void addsExactlyWhereDoublesWouldDrift() {
    Money sum = Money.ZERO;
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(Money.euroCents(10));
    }
    assertThat(sum).isEqualTo(Money.euroCents(100));
    assertThat(sum.toString()).isEqualTo("1.00 EUR");
  }

  @Test
  void refusesOtherCurrenciesNegativeAmountsAndOverflow() {
    assertThatThrownBy(() -> new Money(100, "USD")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.euroCents(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.euroCents(Long.MAX_VALUE).plus(Money.euroCents(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void comparesByAmount() {
    assertThat(Money.euroCents(100)).isGreaterThan(Money.euroCents(99));
    assertThat(Money.euroCents(0).isZero()).isTrue();
  }

  @Test
  void parsesEurosAsPeopleTypeThem() {
    assertThat(Money.parse("12,50")).hasValue(Money.euroCents(1250));
    assertThat(Money.parse("12.5")).hasValue(Money.euroCents(1250));
    assertThat(Money.parse(" 7 € ")).hasValue(Money.euroCents(700));
    assertThat(Money.parse("7 EUR")).hasValue(Money.euroCents(700));
    assertThat(Money.parse("-1")).isEmpty();
    assertThat(Money.parse("1,234")).isEmpty();
    assertThat(Money.parse("1.000,00")).isEmpty();
    assertThat(Money.parse("")).isEmpty();
    assertThat(Money.parse(null)).isEmpty();
  }

  @Test
  void plainTextIsReadBackByParse() {
    assertThat(Money.euroCents(1250).plain()).isEqualTo("12,50");
    assertThat(Money.ZERO.plain()).isEqualTo("0,00");
    assertThat(Money.parse(Money.euroCents(99).plain())).hasValue(Money.euroCents(99));
  }
}
