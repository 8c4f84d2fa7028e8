package eu.rathaus.web.treasury;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.payments.domain.StatementRefused;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 rough edge: a statement the importer cannot read ended on the generic error page. Every
 * reason of a refusal has its own text in German and English, so the upload page can always say
 * what was wrong (a reason without a text would fail the page again).
 */
class StatementRefusalTextsTest {

  @Test
  void everyRefusalReasonHasItsTextInGermanAndEnglish() {
    for (Locale locale : new Locale[] {Locale.GERMAN, Locale.ENGLISH}) {
      ResourceBundle msg = ResourceBundle.getBundle("eu.rathaus.web.i18n.messages", locale);
      for (StatementRefused.Reason reason : StatementRefused.Reason.values()) {
        String key = "treasury.import.refused." + reason.name();
        assertThat(msg.containsKey(key)).as(key + " in " + locale).isTrue();
        assertThat(msg.getString(key)).as(key).isNotBlank().doesNotContain(reason.name());
      }
    }
  }
}
