package eu.rathaus.web.applications;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.applications.application.Receipt;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.web.it.PdfText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReceiptPdfTest {

  @Test
  void receiptShowsLabelsAndReadableAnswersNotKeys() throws Exception {
    String answers =
        "{\"firstNames\":\"Łukasz <b>\",\"lastName\":\"Müller\",\"birthDate\":\"1964-08-12\","
            + "\"certificateType\":\"extended\",\"delivery\":\"mailbox\",\"email\":\"lm@example.org\"}";
    Receipt receipt =
        new Receipt(
            "Musterstadt",
            new LocalizedText("Meldebescheinigung beantragen", null),
            "MUS-2026-000042",
            Instant.parse("2026-05-01T08:15:00Z"),
            StepValuesTest.melde(),
            answers,
            Money.euroCents(1500),
            java.util.List.of());

    byte[] pdf = ReceiptPdf.render(receipt, Locale.GERMAN);

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String all = PdfText.of(pdf);
    assertThat(all)
        .contains(
            "Musterstadt",
            "MUS-2026-000042",
            "Eingangsbestätigung",
            "Geburtsdatum",
            "12.08.1964",
            "Łukasz <b>",
            "Müller",
            "15,00 €");
    assertThat(all).doesNotContain("extended", "certificateType", "mailbox");
  }
}
