package eu.rathaus.attachments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentNameTest {

  @Test
  void keepsOrdinaryNamesAndTheirUmlauts() {
    assertThat(AttachmentName.parse("  Meldebescheinigung Müller.pdf ").orElseThrow().value())
        .isEqualTo("Meldebescheinigung Müller.pdf");
  }

  @Test
  void replacesAwkwardCharactersAndCollapsesSpaces() {
    assertThat(AttachmentName.parse("Antrag: \"neu\"?   <2026>.pdf").orElseThrow().value())
        .isEqualTo("Antrag_ _neu__ _2026_.pdf");
  }

  @Test
  void normalisesToNfc() {
    String decomposed = "Mu\u0308ller.pdf";
    assertThat(AttachmentName.parse(decomposed).orElseThrow().value()).isEqualTo("M\u00fcller.pdf");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../evil.pdf",
        "..\\evil.pdf",
        "a/b.pdf",
        "C:\\x\\y.pdf",
        "a..pdf",
        "/etc/passwd",
        "tab\there.pdf",
        "new\nline.pdf",
        "nul\u0000.pdf",
        "rechnung\u202Efdp.exe",
        "zero\u200bwidth.pdf",
        ".hidden",
        ".pdf",
        "",
        "   "
      })
  void refusesPathsControlAndSpoofingCharacters(String raw) {
    assertThat(AttachmentName.parse(raw)).isEmpty();
  }

  @Test
  void refusesNull() {
    assertThat(AttachmentName.parse(null)).isEmpty();
  }

  @Test
  void limitsTheLength() {
    String ok = "a".repeat(196) + ".pdf";
    assertThat(AttachmentName.parse(ok)).isPresent();
    assertThat(AttachmentName.parse("a" + ok)).isEmpty();
  }

  @Test
  void extensionIsLowerCase() {
    assertThat(AttachmentName.parse("SCAN.PNG").orElseThrow().extension()).isEqualTo("png");
    assertThat(AttachmentName.parse("ohne").orElseThrow().extension()).isEmpty();
  }
}
