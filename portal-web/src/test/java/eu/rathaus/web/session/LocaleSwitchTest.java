package eu.rathaus.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocaleSwitchTest {

  @Test
  void switchKeepsThePagesParametersAndReplacesTheLanguage() {
    assertThat(LocaleSelection.switchQuery(null, "en")).isEqualTo("lang=en");
    assertThat(LocaleSelection.switchQuery("m=musterstadt&q=Hund", "en"))
        .isEqualTo("m=musterstadt&q=Hund&lang=en");
    assertThat(LocaleSelection.switchQuery("lang=en&m=musterstadt&lang=de", "de"))
        .isEqualTo("m=musterstadt&lang=de");
  }
}
