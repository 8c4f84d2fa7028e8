package eu.rathaus.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.privacy.domain.ProcessingActivity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The privacy notice's and the records' sentences, German and English, from one activity. */
class PrivacyTextsTest {

  private static final ProcessingActivity PARKING =
      new ProcessingActivity(
          "demo.bewohnerparkausweis",
          "Verkehr",
          new LocalizedText("Bewohnerparkausweis", "Resident parking permit"),
          new LocalizedText("Beschreibung", "Description"),
          List.of(
              new LocalizedText("Kennzeichen", "Registration number"),
              new LocalizedText("Anschrift", "Address")),
          true,
          true,
          true,
          false,
          10);

  @Test
  void germanSentencesNameTheServiceItsFieldOfLawAndThePeriods() {
    PrivacyTexts.ActivityRow row = new PrivacyTexts(Locale.GERMAN).row(PARKING);
    assertThat(row.purpose()).contains("„Bewohnerparkausweis“", "10 Tage");
    assertThat(row.dataCategories())
        .startsWith(
            "Ihre Kennung aus dem eID-Konto (Pseudonym), Ihr Name und Ihre E-Mail-Adresse aus der Anmeldung")
        .contains("Kennzeichen", "Anschrift");
    assertThat(row.legalBases())
        .containsExactly(
            "Art. 6 Abs. 1 Buchst. e DSGVO (Wahrnehmung einer Aufgabe im öffentlichen Interesse)"
                + " in Verbindung mit den Vorschriften des Fachgebiets „Verkehr“",
            "Art. 6 Abs. 1 Buchst. c DSGVO in Verbindung mit dem Gebühren- und Haushaltsrecht"
                + " (Gebühren, Zahlungen, Erstattungen)");
    assertThat(row.recipients()).contains("Der Zahlungsdienstleister, wenn Sie online bezahlen");
    assertThat(row.retention())
        .containsExactly(
            "Entwürfe: 6 Monate nach der letzten Änderung",
            "Antrag mit Antworten, Dateien, Nachrichten und Bescheid: 5 Jahre nach Abschluss des"
                + " Vorgangs",
            "Zahlungen: 10 Jahre nach der Buchung (Haushaltsrecht)");
  }

  @Test
  void englishSentences() {
    PrivacyTexts.ActivityRow row = new PrivacyTexts(Locale.ENGLISH).row(PARKING);
    assertThat(row.title()).isEqualTo("Resident parking permit");
    assertThat(row.purpose()).contains("\"Resident parking permit\"", "10 days");
    assertThat(row.dataCategories()).contains("Registration number");
    assertThat(row.legalBases().get(0)).startsWith("Art. 6(1)(e) GDPR").endsWith("\"Verkehr\"");
  }
}
