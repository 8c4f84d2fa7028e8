package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void missingOrBlankInputIsEmpty() {
    assertThat(SearchText.clean(null)).isEmpty();
    assertThat(SearchText.clean(" \t\n ")).isEmpty();
  }

  @Test
  void overlongInputIsCutAtOneHundredCharacters() {
    assertThat(SearchText.clean("x".repeat(100_000))).hasSize(100);
  }

  @Test
  void controlCharactersAndNulBecomeSpaces() {
    assertThat(SearchText.clean("Hund\u0000steuer\u0007 \u202eanmelden\r\n"))
        .isEqualTo("Hund steuer anmelden");
  }

  @Test
  void theCutNeverSplitsACharacterOfTwoUnits() {
    String text = SearchText.clean("a".repeat(99) + "\uD83D\uDC15" + "zzz");
    assertThat(text).endsWith("\uD83D\uDC15").hasSize(101);
    assertThat(text.codePointCount(0, text.length())).isEqualTo(100);
  }

  @Test
  void loneSurrogatesGo() {
    assertThat(SearchText.clean("Hund\uD800")).isEqualTo("Hund");
  }

  @Test
  void markupStaysTextForTheViewToEscape() {
    assertThat(SearchText.clean("<script>alert(1)</script>"))
        .isEqualTo("<script>alert(1)</script>");
  }
}
