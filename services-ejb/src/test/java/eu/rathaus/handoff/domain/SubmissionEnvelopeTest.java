package eu.rathaus.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubmissionEnvelopeTest {

  private static RSAKey destination;
  private static RSAKey stranger;

  @BeforeAll
  static void keys() throws Exception {
    destination = new RSAKeyGenerator(2048).keyID("dest-1").keyUse(KeyUse.ENCRYPTION).generate();
    stranger = new RSAKeyGenerator(2048).generate();
  }

  private static SubmissionDocument document(byte[] file) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    return new SubmissionDocument(
        UUID.randomUUID(),
        "demo.meldebescheinigung",
        "Meldebescheinigung",
        Map.of("lastName", "F60000228"),
        "MUS-2026-000042",
        "musterstadt",
        "Musterstadt",
        "09162000",
        Instant.parse("2026-12-07T15:00:00Z"),
        "de",
        "open",
        1000,
        "{\"lastName\":\"Müller-Lüdenscheidt\",\"birthDate\":\"1964-08-12\"}",
        List.of(
            new SubmissionDocument.File(
                UUID.randomUUID(), "nachweis.pdf", "application/pdf", sha, file)));
  }

  @Test
  void roundTripWithAGeneratedKeyPair() throws Exception {
    byte[] file = "%PDF-1.4 Nachweis".getBytes(StandardCharsets.US_ASCII);
    byte[] plain = document(file).toJson();

    String sealed = SubmissionEnvelope.seal(plain, destination.toPublicJWK());

    JWEObject parsed = JWEObject.parse(sealed);
    assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("RSA-OAEP-256");
    assertThat(parsed.getHeader().getEncryptionMethod().getName()).isEqualTo("A256GCM");
    assertThat(parsed.getHeader().getKeyID()).isEqualTo("dest-1");
    assertThat(sealed).doesNotContain("Müller").doesNotContain("MUS-2026");

    JsonNode opened = new ObjectMapper().readTree(SubmissionEnvelope.open(sealed, destination));
    assertThat(opened.at("/metadata/reference").asText()).isEqualTo("MUS-2026-000042");
    assertThat(opened.at("/metadata/serviceKey").asText()).isEqualTo("demo.meldebescheinigung");
    assertThat(opened.at("/metadata/fimFields/lastName").asText()).isEqualTo("F60000228");
    assertThat(opened.at("/metadata/municipality/ags").asText()).isEqualTo("09162000");
    assertThat(opened.at("/metadata/payment/state").asText()).isEqualTo("open");
    assertThat(opened.at("/data/lastName").asText()).isEqualTo("Müller-Lüdenscheidt");
    byte[] content = Base64.getDecoder().decode(opened.at("/attachments/0/content").asText());
    assertThat(content).isEqualTo(file);
    assertThat(opened.at("/metadata/attachments/0/sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
  }

  @Test
  void onlyThePrivateKeyOfTheDestinationOpensIt() throws Exception {
    String sealed = SubmissionEnvelope.seal("{}".getBytes(StandardCharsets.UTF_8), destination);
    assertThatThrownBy(() -> SubmissionEnvelope.open(sealed, stranger))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTamperedCiphertextIsRefused() throws Exception {
    String sealed =
        SubmissionEnvelope.seal("{\"a\":1}".getBytes(StandardCharsets.UTF_8), destination);
    String[] parts = sealed.split("\\.");
    char[] cipher = parts[3].toCharArray();
    cipher[0] = cipher[0] == 'A' ? 'B' : 'A';
    parts[3] = new String(cipher);
    String tampered = String.join(".", parts);
    assertThatThrownBy(() -> SubmissionEnvelope.open(tampered, destination))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
