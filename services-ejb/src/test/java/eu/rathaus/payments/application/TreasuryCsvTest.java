package eu.rathaus.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The finance system's CSV: German Excel conventions and no formula injection. */
class TreasuryCsvTest {

  @Test
  void cellsThatCouldRunAsFormulasAreDefused() {
    assertThat(TreasuryCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(TreasuryCsv.cell("+49 123")).isEqualTo("'+49 123");
    assertThat(TreasuryCsv.cell("-1+2")).isEqualTo("'-1+2");
    assertThat(TreasuryCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(TreasuryCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(TreasuryCsv.cell("Parkausweis")).isEqualTo("Parkausweis");
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuoted() {
    assertThat(TreasuryCsv.cell("a;b")).isEqualTo("\"a;b\"");
    assertThat(TreasuryCsv.cell("sagt \"hallo\"")).isEqualTo("\"sagt \"\"hallo\"\"\"");
    assertThat(TreasuryCsv.cell("zwei\nZeilen")).isEqualTo("\"zwei\nZeilen\"");
    assertThat(TreasuryCsv.cell(null)).isEmpty();
  }

  @Test
  void amountsUseTheDecimalComma() {
    assertThat(TreasuryCsv.euros(1250)).isEqualTo("12,50");
    assertThat(TreasuryCsv.euros(5)).isEqualTo("0,05");
    assertThat(TreasuryCsv.euros(123456)).isEqualTo("1234,56");
  }

  @Test
  void theFileStartsWithABomAndHasAHeaderAndOneLinePerPayment() {
    Treasury.PaymentRow row =
        new Treasury.PaymentRow(
            UUID.randomUUID(),
            "RF60MUS2026000101",
            "MUS-2026-000101",
            "=Bewohnerparkausweis",
            3000,
            3000,
            1000,
            PaymentState.REFUNDED,
            PaymentMethod.SEPA_TRANSFER,
            Instant.parse("2026-11-26T09:00:00Z"),
            Instant.parse("2026-11-26T23:30:00Z"));

    byte[] file =
        TreasuryCsv.file(
            List.of(row),
            new TreasuryCsv.Labels() {
              @Override
              public String state(PaymentState state) {
                return state == PaymentState.REFUNDED ? "Erstattet" : "?";
              }

              @Override
              public String method(PaymentMethod method) {
                return method == PaymentMethod.SEPA_TRANSFER ? "Überweisung" : "?";
              }
            });

    assertThat(Arrays.copyOf(file, 3)).isEqualTo(TreasuryCsv.BOM);
    String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n"))
        .containsExactly(
            "Kassenzeichen;Aktenzeichen;Leistung;Betrag;Bezahlt;Erstattet;Status;Bezahlt am;Zahlweg",
            "RF60MUS2026000101;MUS-2026-000101;'=Bewohnerparkausweis;30,00;30,00;10,00;Erstattet;27.11.2026 00:30;Überweisung");
  }
}
