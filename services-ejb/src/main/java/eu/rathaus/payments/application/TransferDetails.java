package eu.rathaus.payments.application;

import eu.rathaus.kernel.Iban;
import java.io.Serializable;

/**
 * What a citizen needs for a SEPA credit transfer: payee, IBAN, BIC, amount and the Kassenzeichen
 * as structured remittance, plus the same as EPC QR code ("GiroCode") payload and SVG, so the
 * banking app fills everything in and no digit can be mistyped.
 */
public record TransferDetails(
    String payeeName,
    String iban,
    String bic,
    long amountCents,
    String reference,
    String printedReference,
    String epcPayload,
    String qrSvg)
    implements Serializable {

  /** The IBAN in groups of four, as printed. */
  public String formattedIban() {
    return Iban.parse(iban).formatted();
  }

  public String getPayeeName() {
    return payeeName;
  }

  public String getFormattedIban() {
    return formattedIban();
  }

  public String getBic() {
    return bic;
  }

  public String getPrintedReference() {
    return printedReference;
  }

  public String getQrSvg() {
    return qrSvg;
  }
}
