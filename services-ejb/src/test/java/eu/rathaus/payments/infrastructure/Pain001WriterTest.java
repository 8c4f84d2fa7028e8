package eu.rathaus.payments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.payments.domain.RefundTransfer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The refund transfer file: pain.001.001.03, readable again by the hardened parser, escaped names.
 */
class Pain001WriterTest {

  @Test
  void writesAOneTransferCreditTransferInitiation() {
    String xml =
        Pain001Writer.write(
            new RefundTransfer(
                "R-1234",
                Instant.parse("2026-11-27T10:00:00Z"),
                LocalDate.of(2026, 11, 30),
                "Stadtkasse Musterstadt",
                "DE02120300000000202051",
                "BYLADEM1001",
                "Erika <Mustermann> & Co",
                "DE89370400440532013000",
                1250,
                "RF60MUS2026000101",
                "Erstattung RF60MUS2026000101"));

    Document dom = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(dom.getDocumentElement().getNamespaceURI())
        .isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03");
    assertThat(text(dom, "MsgId")).isEqualTo("R-1234");
    assertThat(text(dom, "CtrlSum")).isEqualTo("12.50");
    assertThat(text(dom, "InstdAmt")).isEqualTo("12.50");
    assertThat(text(dom, "EndToEndId")).isEqualTo("RF60MUS2026000101");
    assertThat(text(dom, "ReqdExctnDt")).isEqualTo("2026-11-30");
    assertThat(xml)
        .contains("Erika &lt;Mustermann&gt; &amp; Co")
        .contains("<IBAN>DE89370400440532013000</IBAN>")
        .contains("<BIC>BYLADEM1001</BIC>")
        .contains("<Cd>SEPA</Cd>");
  }

  private static String text(Document dom, String localName) {
    return dom.getElementsByTagNameNS("*", localName).item(0).getTextContent();
  }
}
