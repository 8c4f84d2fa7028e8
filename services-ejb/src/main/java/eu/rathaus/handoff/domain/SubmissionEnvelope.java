package eu.rathaus.handoff.domain;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;

/**
 * A submission sealed for its destination: JWE compact serialization, key management {@code
 * RSA-OAEP-256} with the destination's public key, content encryption {@code A256GCM}, type {@code
 * rathaus-submission+jwe}, the key's {@code kid} in the header so the destination can pick its
 * private key. Once sealed, only the holder of the private key reads it — the portal included.
 */
public final class SubmissionEnvelope {

  public static final String TYPE = "rathaus-submission+jwe";
  public static final String MEDIA_TYPE = "application/jose";

  private SubmissionEnvelope() {}

  /** Encrypts {@code json} (the submission document, UTF-8 JSON) for {@code recipient}. */
  public static String seal(byte[] json, RSAKey recipient) {
    JWEHeader.Builder header =
        new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
            .type(new JOSEObjectType(TYPE))
            .contentType("application/json");
    if (recipient.getKeyID() != null) {
      header.keyID(recipient.getKeyID());
    }
    JWEObject jwe = new JWEObject(header.build(), new Payload(json));
    try {
      jwe.encrypt(new RSAEncrypter(recipient));
    } catch (JOSEException e) {
      throw new IllegalStateException("Sealing the submission failed", e);
    }
    return jwe.serialize();
  }

  /**
   * Decrypts a sealed submission with the destination's private key (the receiver's side; the
   * portal has no such key). Refuses anything but RSA-OAEP-256 / A256GCM.
   *
   * @throws IllegalArgumentException for a malformed, foreign or tampered envelope
   */
  public static byte[] open(String compact, RSAKey privateKey) {
    try {
      JWEObject jwe = JWEObject.parse(compact.strip());
      if (!JWEAlgorithm.RSA_OAEP_256.equals(jwe.getHeader().getAlgorithm())
          || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
        throw new IllegalArgumentException("Unexpected JWE algorithms " + jwe.getHeader());
      }
      jwe.decrypt(new RSADecrypter(privateKey));
      return jwe.getPayload().toBytes();
    } catch (ParseException | JOSEException e) {
      throw new IllegalArgumentException("Submission envelope refused: " + e.getMessage(), e);
    }
  }
}
