package eu.rathaus.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89370400440532013000",
        "DE89 3704 0044 0532 0130 00",
        "de89 3704 0044 0532 0130 00",
        "AT611904300234573201",
        "CH9300762011623852957",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "GB29NWBK60161331926819",
        "BE68539007547034"
      })
  void acceptsValidIbans(String iban) {
    assertThat(Iban.check(iban)).isEmpty();
  }

  @Test
  void normalisesAndFormatsInGroupsOfFour() {
    Iban iban = Iban.parse(" de89 3704 0044 0532 0130 00");

    assertThat(iban.electronic()).isEqualTo("DE89370400440532013000");
    assertThat(iban.formatted()).isEqualTo("DE89 3704 0044 0532 0130 00");
    assertThat(iban.countryCode()).isEqualTo("DE");
  }

  @Test
  void catchesEverySingleDigitTypoOfAGermanIban() {
    String valid = "DE89370400440532013000";
    for (int position = 2; position < valid.length(); position++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        if (valid.charAt(position) == digit) {
          continue;
        }
        String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
        assertThat(Iban.check(typo)).as(typo).contains(Iban.Problem.CHECKSUM);
      }
    }
  }

  @Test
  void catchesSwappedNeighbours() {
    assertThat(Iban.check("DE89370400440532010300")).contains(Iban.Problem.CHECKSUM);
  }

  @Test
  void checksCountryLength() {
    assertThat(Iban.check("DE8937040044053201300")).contains(Iban.Problem.LENGTH);
    assertThat(Iban.check("DE893704004405320130000")).contains(Iban.Problem.LENGTH);
    assertThat(Iban.check("AT61190430023457320")).contains(Iban.Problem.LENGTH);
  }

  @Test
  void refusesUnknownCountriesAndGarbage() {
    assertThat(Iban.check("ZZ89370400440532013000")).contains(Iban.Problem.COUNTRY);
    assertThat(Iban.check("DE89-3704-0044-0532-0130-00")).contains(Iban.Problem.FORMAT);
    assertThat(Iban.check("")).contains(Iban.Problem.FORMAT);
    assertThat(Iban.check(null)).contains(Iban.Problem.FORMAT);
    assertThat(Iban.check("DE89".repeat(1000))).contains(Iban.Problem.FORMAT);
    assertThatThrownBy(() -> Iban.parse("DE00370400440532013000"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
