package eu.rathaus.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatusEventTest {

  private static ECKey procedure;
  private static ECKey forger;
  private static RSAKey rsaProcedure;
  private static final UUID DESTINATION = UUID.randomUUID();
  private static final UUID SUBMISSION = UUID.randomUUID();
  private static final Instant NOW = Instant.parse("2026-12-07T16:00:00Z");
  private static final byte[] PDF = "%PDF-1.7 Bescheid".getBytes(StandardCharsets.US_ASCII);

  @BeforeAll
  static void keys() throws Exception {
    procedure = new ECKeyGenerator(Curve.P_256).keyID("sig").generate();
    forger = new ECKeyGenerator(Curve.P_256).keyID("sig").generate();
    rsaProcedure = new RSAKeyGenerator(2048).generate();
  }

  private static String decided(ECKey key, Instant at) {
    return StatusEventSigner.sign(
        key, DESTINATION, SUBMISSION, StatusEvent.Kind.DECIDED, true, "Alles in Ordnung.", PDF, at);
  }

  @Test
  void aSignedDecisionIsVerifiedWithTheDestinationsPublicKey() {
    StatusEvent.Verified verified =
        StatusEvent.verify(decided(procedure, NOW), procedure.toPublicJWK(), DESTINATION, NOW);
    assertThat(verified.refusal()).isNull();
    StatusEvent event = verified.event().orElseThrow();
    assertThat(event.kind()).isEqualTo(StatusEvent.Kind.DECIDED);
    assertThat(event.submissionId()).isEqualTo(SUBMISSION);
    assertThat(event.approved()).isTrue();
    assertThat(event.reasons()).isEqualTo("Alles in Ordnung.");
    assertThat(event.noticePdf()).isEqualTo(PDF);
    assertThat(event.jti()).isNotBlank();
  }

  @Test
  void rsaSignaturesWorkToo() {
    String jws =
        StatusEventSigner.sign(
            rsaProcedure,
            DESTINATION,
            SUBMISSION,
            StatusEvent.Kind.RECEIVED,
            null,
            null,
            null,
            NOW);
    assertThat(StatusEvent.verify(jws, rsaProcedure.toPublicJWK(), DESTINATION, NOW).event())
        .isPresent();
  }

  @Test
  void aForgedSignatureIsRefused() {
    StatusEvent.Verified verified =
        StatusEvent.verify(decided(forger, NOW), procedure.toPublicJWK(), DESTINATION, NOW);
    assertThat(verified.event()).isEmpty();
    assertThat(verified.refusal()).contains("signature");
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String[] parts = decided(procedure, NOW).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("approved", "rejected");
    parts[1] =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    assertThat(
            StatusEvent.verify(String.join(".", parts), procedure.toPublicJWK(), DESTINATION, NOW)
                .event())
        .isEmpty();
  }

  @Test
  void anUnsignedEventIsRefused() {
    String[] parts = decided(procedure, NOW).split("\\.");
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    assertThat(StatusEvent.verify(none, procedure.toPublicJWK(), DESTINATION, NOW).event())
        .isEmpty();
  }

  @Test
  void aStaleEventIsRefusedSoACapturedOneCannotBeReplayedLater() {
    String old = decided(procedure, NOW.minus(Duration.ofMinutes(11)));
    StatusEvent.Verified verified =
        StatusEvent.verify(old, procedure.toPublicJWK(), DESTINATION, NOW);
    assertThat(verified.event()).isEmpty();
    assertThat(verified.refusal()).contains("iat");
  }

  @Test
  void anEventOfAnotherDestinationIsRefused() {
    assertThat(
            StatusEvent.verify(
                    decided(procedure, NOW), procedure.toPublicJWK(), UUID.randomUUID(), NOW)
                .refusal())
        .contains("iss");
  }

  @Test
  void aNoticeThatIsNoPdfIsRefused() {
    String jws =
        StatusEventSigner.sign(
            procedure,
            DESTINATION,
            SUBMISSION,
            StatusEvent.Kind.DECIDED,
            false,
            "Nein.",
            "<html>".getBytes(StandardCharsets.US_ASCII),
            NOW);
    assertThat(StatusEvent.verify(jws, procedure.toPublicJWK(), DESTINATION, NOW).refusal())
        .contains("PDF");
  }
}
