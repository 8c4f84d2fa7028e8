package eu.rathaus.payments.domain;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The EPC QR code ("GiroCode", EPC069-12, version 002) a citizen scans with a banking app to pay a
 * fee by SEPA credit transfer, with the amount and the Kassenzeichen already filled in.
 */
public final class EpcQrCode {

  /** EPC069-12 allows at most 331 bytes of payload. */
  static final int MAX_PAYLOAD_BYTES = 331;

  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
  private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

  private EpcQrCode() {}

  /**
   * The payload text: service tag, version 002, UTF-8, SCT, BIC, beneficiary, IBAN, amount, (no
   * purpose code), the structured reference, no unstructured text; lines joined by LF and no
   * trailing empty lines.
   *
   * @param amountCents 1 cent to 999,999,999.99 EUR
   */
  public static String payload(
      String beneficiary, String iban, String bic, long amountCents, PaymentReference reference) {
    String compactIban = iban == null ? "" : iban.replace(" ", "");
    if (!IBAN.matcher(compactIban).matches()) {
      throw new IllegalArgumentException("IBAN malformed");
    }
    if (bic != null && !bic.isEmpty() && !BIC.matcher(bic).matches()) {
      throw new IllegalArgumentException("BIC malformed");
    }
    if (beneficiary == null || beneficiary.isBlank() || beneficiary.length() > 70) {
      throw new IllegalArgumentException("beneficiary must have 1 to 70 characters");
    }
    if (amountCents < 1 || amountCents > 99_999_999_999L) {
      throw new IllegalArgumentException("amount out of range");
    }
    String amount = "EUR" + (amountCents / 100) + "." + String.format("%02d", amountCents % 100);
    String payload =
        String.join(
            "\n",
            "BCD",
            "002",
            "1",
            "SCT",
            bic == null ? "" : bic,
            beneficiary.strip(),
            compactIban,
            amount,
            "",
            reference.value());
    if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("payload longer than EPC069-12 allows");
    }
    return payload;
  }

  /** The QR symbol (error correction M, as EPC069-12 requires), as a module matrix. */
  public static BitMatrix symbol(String payload) {
    try {
      return new QRCodeWriter()
          .encode(
              payload,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8",
                  EncodeHintType.MARGIN,
                  4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("payload cannot be encoded as QR code", e);
    }
  }

  /** The symbol as SVG: crisp at any size on screen and in PDFs, and served from our own origin. */
  public static String svg(String payload, String title) {
    BitMatrix matrix = symbol(payload);
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + matrix.getWidth()
        + " "
        + matrix.getHeight()
        + "\" role=\"img\" aria-label=\""
        + escape(title)
        + "\" shape-rendering=\"crispEdges\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
