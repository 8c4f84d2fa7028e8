package eu.rathaus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.handoff.domain.SubmissionEnvelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceReceiverTest {

  @Test
  void keysAreKeptOwnerOnlyAndReadBackTheSame(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("receiver").resolve("keys.json");
    ReferenceReceiver.Keys made = ReferenceReceiver.Keys.loadOrCreate(file);
    ReferenceReceiver.Keys again = ReferenceReceiver.Keys.loadOrCreate(file);
    assertEquals(made.encryption(), again.encryption());
    assertEquals(made.signature(), again.signature());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    // The public halves carry no private parts; a submission sealed for them opens with the file's.
    assertTrue(!made.encryptionPublicJson().contains("\"d\""));
    String sealed =
        SubmissionEnvelope.seal(
            "{\"ok\":true}".getBytes(StandardCharsets.UTF_8),
            com.nimbusds.jose.jwk.RSAKey.parse(made.encryptionPublicJson()));
    assertEquals(
        "{\"ok\":true}",
        new String(SubmissionEnvelope.open(sealed, again.encryption()), StandardCharsets.UTF_8));
  }

  @Test
  void itsNoticeIsAReadablePdfNamingTheReference() throws Exception {
    byte[] pdf = ReferenceReceiver.noticePdf("MUS-2026-000042");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(1, document.getNumberOfPages());
      assertTrue(new PDFTextStripper().getText(document).contains("MUS-2026-000042"));
    }
  }
}
