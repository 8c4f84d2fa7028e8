package eu.rathaus.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpcQrCodeTest {

  private static final PaymentReference REF = PaymentReference.withBody("539007547034");

  @Test
  void payloadHasExactlyTheEpc069Lines() {
    String payload =
        EpcQrCode.payload(
            "Stadtkasse Musterstadt", "DE02 1203 0000 0000 2020 51", "BYLADEM1001", 3000, REF);
    assertThat(payload.getBytes(StandardCharsets.UTF_8))
        .isEqualTo(
            ("BCD\n002\n1\nSCT\nBYLADEM1001\nStadtkasse Musterstadt\nDE02120300000000202051\nEUR30.00\n\nRF18539007547034")
                .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void centsAndUmlautsAreEncodedAsTheStandardWants() {
    String payload =
        EpcQrCode.payload("Gemeindekasse Beispielheim-Süd", "DE02120300000000202051", null, 1, REF);
    assertThat(payload)
        .contains("\nEUR0.01\n")
        .contains("Beispielheim-Süd")
        .contains("\nSCT\n\nGemeinde");
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> EpcQrCode.payload("X", "DE02", null, 100, REF))
        .hasMessageContaining("IBAN");
    assertThatThrownBy(() -> EpcQrCode.payload("X", "DE02120300000000202051", "bad bic", 100, REF))
        .hasMessageContaining("BIC");
    assertThatThrownBy(() -> EpcQrCode.payload("X", "DE02120300000000202051", null, 0, REF))
        .hasMessageContaining("amount");
    assertThatThrownBy(
            () -> EpcQrCode.payload("X".repeat(71), "DE02120300000000202051", null, 100, REF))
        .hasMessageContaining("beneficiary");
  }

  @Test
  void theSymbolDecodesBackToThePayload() throws Exception {
    String payload =
        EpcQrCode.payload(
            "Stadtkasse Musterstadt", "DE02120300000000202051", "BYLADEM1001", 6000, REF);
    BitMatrix matrix = EpcQrCode.symbol(payload);
    int scale = 4;
    int width = matrix.getWidth() * scale;
    int height = matrix.getHeight() * scale;
    int[] pixels = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
      }
    }
    String decoded =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))),
                Map.of(DecodeHintType.CHARACTER_SET, "UTF-8"))
            .getText();
    assertThat(decoded).isEqualTo(payload);
  }

  @Test
  void svgIsSelfContainedAndLabelled() {
    String svg =
        EpcQrCode.svg(
            EpcQrCode.payload("Stadtkasse", "DE02120300000000202051", null, 100, REF),
            "GiroCode <Zahlung>");
    assertThat(svg)
        .startsWith("<svg")
        .contains("aria-label=\"GiroCode &lt;Zahlung>\"")
        .doesNotContain("href");
    assertThat(svg.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .as("loads nothing from elsewhere")
        .doesNotContain("http");
  }
}
