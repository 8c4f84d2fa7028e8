package eu.rathaus.web.applications;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.applications.application.Receipt;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.TransferDetails;
import eu.rathaus.payments.domain.EpcQrCode;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.web.it.PdfText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The receipt's payment part: state and Kassenzeichen always, transfer data and GiroCode while
 * unpaid.
 */
class ReceiptPaymentPdfTest {

  private static final PaymentReference REF = PaymentReference.of("MUS", 2026, 42);

  private static Receipt receipt() throws Exception {
    return new Receipt(
        "Musterstadt",
        new LocalizedText("Meldebescheinigung beantragen", null),
        "MUS-2026-000042",
        Instant.parse("2026-05-01T08:15:00Z"),
        StepValuesTest.melde(),
        "{}",
        Money.euroCents(1500),
        List.of(),
        UUID.randomUUID());
  }

  static PaymentSummary payment(PaymentState state) {
    return new PaymentSummary(
        UUID.randomUUID(),
        UUID.randomUUID(),
        REF.value(),
        REF.printed(),
        1500,
        "EUR",
        LocalDate.of(2026, 5, 15),
        state,
        PaymentMethod.SEPA_TRANSFER,
        null,
        0);
  }

  /** Transfer details of an unpaid fee of 15 euros to the Musterstadt treasury. */
  static TransferDetails transfer() {
    String payload =
        EpcQrCode.payload(
            "Stadtkasse Musterstadt", "DE02120300000000202051", "BYLADEM1001", 1500, REF);
    return new TransferDetails(
        "Stadtkasse Musterstadt",
        "DE02120300000000202051",
        "BYLADEM1001",
        1500,
        REF.value(),
        REF.printed(),
        payload,
        EpcQrCode.svg(payload, "GiroCode"));
  }

  private static String text(byte[] pdf) throws Exception {
    return PdfText.of(pdf);
  }

  @Test
  void anUnpaidFeeComesWithTransferDataAndTheGiroCode() throws Exception {
    TransferDetails transfer = transfer();

    String all =
        text(ReceiptPdf.render(receipt(), Locale.GERMAN, payment(PaymentState.OPEN), transfer));

    assertThat(all)
        .contains(
            "Gebühr und Zahlung",
            "offen",
            REF.printed(),
            "Stadtkasse Musterstadt",
            "DE02 1203 0000 0000 2020 51",
            "BYLADEM1001",
            "GiroCode");
  }

  @Test
  void aPaidFeeShowsItsStateWithoutTransferData() throws Exception {
    String all =
        text(ReceiptPdf.render(receipt(), Locale.GERMAN, payment(PaymentState.PAID), null));

    assertThat(all).contains("bezahlt", REF.printed()).doesNotContain("IBAN", "GiroCode");
  }
}
