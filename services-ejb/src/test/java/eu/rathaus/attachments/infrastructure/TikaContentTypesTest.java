package eu.rathaus.attachments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TikaContentTypesTest {

  private final TikaContentTypes types = new TikaContentTypes();

  @Test
  void detectsFromTheBytesAlone() {
    assertThat(types.detect(Samples.pdf())).isEqualTo("application/pdf");
    assertThat(types.detect(Samples.png())).isEqualTo("image/png");
    assertThat(types.detect(Samples.jpeg())).isEqualTo("image/jpeg");
    assertThat(types.detect(Samples.exe()))
        .startsWith("application/x-")
        .isNotEqualTo("application/pdf");
    assertThat(types.detect("Hallo Rathaus".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("text/plain");
    assertThat(types.detect(new byte[] {0, 1, 2, 3, (byte) 0xfe}))
        .isEqualTo("application/octet-stream");
  }

  @Test
  void theNameClaimsAType() {
    assertThat(types.typeOfName("Meldebescheinigung.PDF")).isEqualTo("application/pdf");
    assertThat(types.typeOfName("foto.jpg")).isEqualTo("image/jpeg");
    assertThat(types.typeOfName("foto.jpeg")).isEqualTo("image/jpeg");
    assertThat(types.typeOfName("scan.png")).isEqualTo("image/png");
    assertThat(types.typeOfName("ohne-endung")).isEqualTo("application/octet-stream");
  }

  @Test
  void aRenamedExecutableDoesNotMatchItsName() {
    String detected = types.detect(Samples.exe());
    assertThat(types.consistent(detected, types.typeOfName("rechnung.pdf"))).isFalse();
    assertThat(types.consistent(types.detect(Samples.png()), types.typeOfName("foto.jpg")))
        .isFalse();
  }

  @Test
  void matchingNamesAndNamesWithoutExtensionAreConsistent() {
    assertThat(types.consistent(types.detect(Samples.pdf()), types.typeOfName("a.pdf"))).isTrue();
    assertThat(types.consistent(types.detect(Samples.jpeg()), types.typeOfName("a.jpeg"))).isTrue();
    assertThat(types.consistent(types.detect(Samples.pdf()), types.typeOfName("ohne-endung")))
        .isTrue();
  }

  @Test
  void unknownBytesNeverMatchAClaimedType() {
    assertThat(types.consistent("application/octet-stream", "application/pdf")).isFalse();
  }

  @Test
  void plainTextMayBeNamedAsATextFormat() {
    String detected = types.detect("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
    String claimed = types.typeOfName("liste.csv");
    assertThat(types.consistent(detected, claimed)).isTrue();
    assertThat(TikaContentTypes.effective(detected, claimed)).isEqualTo("text/csv");
    assertThat(types.consistent(detected, types.typeOfName("a.pdf"))).isFalse();
  }
}
