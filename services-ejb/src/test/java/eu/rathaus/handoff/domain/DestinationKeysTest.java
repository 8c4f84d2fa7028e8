package eu.rathaus.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DestinationKeysTest {

  private static RSAKey encryption;
  private static String signature;

  @BeforeAll
  static void keys() throws Exception {
    encryption =
        new RSAKeyGenerator(2048)
            .keyUse(KeyUse.ENCRYPTION)
            .algorithm(JWEAlgorithm.RSA_OAEP_256)
            .keyID("enc")
            .generate();
    signature =
        new ECKeyGenerator(Curve.P_256)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.ES256)
            .generate()
            .toPublicJWK()
            .toJSONString();
  }

  private static DestinationKeys.Checked check(String enc, String sig) {
    return DestinationKeys.check(enc, sig);
  }

  @Test
  void publicKeysOfTheRightKindAreAccepted() {
    DestinationKeys.Checked checked = check(encryption.toPublicJWK().toJSONString(), signature);
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.keys().orElseThrow().encryptionJson()).doesNotContain("\"d\"");
  }

  @Test
  void aPrivateKeyIsRefusedSoThePortalNeverHoldsTheDestinationsSecret() {
    assertThat(check(encryption.toJSONString(), signature).problems())
        .containsExactly(new DestinationKeys.Problem("encryptionKey", "handoff.key.private"));
  }

  @Test
  void wrongKindsLengthsUsesAndGarbageAreRefusedPerField() throws Exception {
    String ecAsEncryption = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();
    assertThat(check(ecAsEncryption, signature).problems())
        .extracting(DestinationKeys.Problem::key)
        .containsExactly("handoff.key.encryption-not-rsa");
    String shortRsa = new RSAKeyGenerator(1024, true).generate().toPublicJWK().toJSONString();
    assertThat(check(shortRsa, signature).problems())
        .extracting(DestinationKeys.Problem::key)
        .containsExactly("handoff.key.too-short");
    String signingUse =
        new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate().toPublicJWK().toJSONString();
    assertThat(check(signingUse, signature).problems())
        .extracting(DestinationKeys.Problem::key)
        .containsExactly("handoff.key.encryption-use");
    String hmac = new OctetSequenceKeyGenerator(256).generate().toJSONString();
    assertThat(check(encryption.toPublicJWK().toJSONString(), hmac).problems())
        .extracting(DestinationKeys.Problem::key)
        .containsExactly("handoff.key.signature-type");
    assertThat(check("", "{not json").problems())
        .containsExactly(
            new DestinationKeys.Problem("encryptionKey", "handoff.key.required"),
            new DestinationKeys.Problem("signatureKey", "handoff.key.unreadable"));
  }
}
