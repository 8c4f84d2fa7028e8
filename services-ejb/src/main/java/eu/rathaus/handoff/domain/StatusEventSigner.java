package eu.rathaus.handoff.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The specialist procedure's side of {@link StatusEvent}: signs an event with its private key
 * (ES256/ES384/ES512 for EC keys by curve, RS256 for RSA). The portal never signs events; the
 * reference receiver and the tests do, and a procedure's developer may read it as the format's
 * example.
 */
public final class StatusEventSigner {

  public static final String TYPE = "rathaus-status+jwt";

  private StatusEventSigner() {}

  public static String sign(
      JWK privateKey,
      UUID destinationId,
      UUID submissionId,
      StatusEvent.Kind kind,
      Boolean approved,
      String reasons,
      byte[] noticePdf,
      Instant issuedAt) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(destinationId.toString())
            .subject(submissionId.toString())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(issuedAt))
            .claim("event", kind.wire());
    if (kind == StatusEvent.Kind.DECIDED) {
      claims.claim("decision", Boolean.TRUE.equals(approved) ? "approved" : "rejected");
      claims.claim("reasons", reasons);
      if (noticePdf != null) {
        claims.claim("notice", Base64.getEncoder().encodeToString(noticePdf));
      }
    }
    try {
      JWSSigner signer;
      JWSAlgorithm alg;
      if (privateKey instanceof ECKey ec) {
        signer = new ECDSASigner(ec);
        alg =
            Curve.P_384.equals(ec.getCurve())
                ? JWSAlgorithm.ES384
                : Curve.P_521.equals(ec.getCurve()) ? JWSAlgorithm.ES512 : JWSAlgorithm.ES256;
      } else {
        signer = new RSASSASigner((RSAKey) privateKey);
        alg = JWSAlgorithm.RS256;
      }
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(alg)
                  .type(new JOSEObjectType(TYPE))
                  .keyID(privateKey.getKeyID())
                  .build(),
              claims.build());
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing the event failed", e);
    }
  }
}
