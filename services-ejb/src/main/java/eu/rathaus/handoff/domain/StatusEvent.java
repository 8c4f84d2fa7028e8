package eu.rathaus.handoff.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * A status event a specialist procedure sends back about a submission: a JWT signed (JWS compact)
 * with the destination's signature key, claims {@code iss} (the destination id), {@code jti}
 * (unique per event), {@code iat}, {@code sub} (the submission id), {@code event} ({@code
 * received}, {@code in-progress}, {@code decided}), for a decision {@code decision} ({@code
 * approved} / {@code rejected}) and {@code reasons}, and optionally {@code notice}: the notice PDF,
 * base64.
 *
 * <p>{@link #verify} accepts an event only if its signature checks with the destination's key
 * (algorithm of the key's family; {@code none} and HMAC never), its issuer is the destination, it
 * was issued within {@link #MAX_AGE} of now (so a captured event cannot be replayed later; within
 * the window the stored {@code jti} refuses it), and its claims are complete.
 */
public record StatusEvent(
    String jti,
    UUID submissionId,
    Kind kind,
    Instant issuedAt,
    Boolean approved,
    String reasons,
    byte[] noticePdf) {

  public static final Duration MAX_AGE = Duration.ofMinutes(10);
  public static final int MAX_REASONS = 10_000;
  public static final int MAX_NOTICE_BYTES = 5 * 1024 * 1024;

  /** What the procedure reports. */
  public enum Kind {
    RECEIVED("received"),
    IN_PROGRESS("in-progress"),
    DECIDED("decided");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Optional<Kind> ofWire(String value) {
      for (Kind k : values()) {
        if (k.wire.equals(value)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** The verified event, or why it was refused (a short English reason for the problem detail). */
  public record Verified(Optional<StatusEvent> event, String refusal) {
    static Verified refused(String why) {
      return new Verified(Optional.empty(), why);
    }
  }

  public static Verified verify(String compact, JWK key, UUID destinationId, Instant now) {
    if (compact == null || compact.isBlank() || compact.length() > 8 * MAX_NOTICE_BYTES / 5) {
      return Verified.refused("no event or too large");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(compact.strip());
    } catch (ParseException e) {
      return Verified.refused("not a signed JWT (JWS compact serialization)");
    }
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    try {
      JWSVerifier verifier;
      if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg)) {
        verifier = new RSASSAVerifier(rsa);
      } else if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)) {
        verifier = new ECDSAVerifier(ec);
      } else {
        return Verified.refused("algorithm " + alg + " does not fit the destination's key");
      }
      if (!jwt.verify(verifier)) {
        return Verified.refused("signature does not verify with the destination's key");
      }
    } catch (JOSEException | IllegalStateException e) {
      return Verified.refused("signature does not verify with the destination's key");
    }
    try {
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!destinationId.toString().equals(claims.getIssuer())) {
        return Verified.refused("iss must be the destination id");
      }
      String jti = claims.getJWTID();
      if (jti == null || jti.isBlank() || jti.length() > 200) {
        return Verified.refused("jti missing or longer than 200 characters");
      }
      Date iat = claims.getIssueTime();
      if (iat == null) {
        return Verified.refused("iat missing");
      }
      Instant issued = iat.toInstant();
      if (issued.isBefore(now.minus(MAX_AGE)) || issued.isAfter(now.plus(Duration.ofMinutes(2)))) {
        return Verified.refused(
            "iat outside the accepted window of " + MAX_AGE.toMinutes() + " minutes");
      }
      UUID submission;
      try {
        submission = UUID.fromString(String.valueOf(claims.getSubject()));
      } catch (IllegalArgumentException e) {
        return Verified.refused("sub must be the submission id");
      }
      Optional<Kind> kind = Kind.ofWire(claims.getStringClaim("event"));
      if (kind.isEmpty()) {
        return Verified.refused("event must be received, in-progress or decided");
      }
      Boolean approved = null;
      String reasons = null;
      byte[] notice = null;
      if (kind.get() == Kind.DECIDED) {
        String decision = claims.getStringClaim("decision");
        if (!"approved".equals(decision) && !"rejected".equals(decision)) {
          return Verified.refused("decision must be approved or rejected");
        }
        approved = "approved".equals(decision);
        reasons = claims.getStringClaim("reasons");
        if (reasons == null || reasons.isBlank() || reasons.length() > MAX_REASONS) {
          return Verified.refused("reasons missing or longer than " + MAX_REASONS);
        }
        String pdf = claims.getStringClaim("notice");
        if (pdf != null) {
          try {
            notice = Base64.getDecoder().decode(pdf);
          } catch (IllegalArgumentException e) {
            return Verified.refused("notice must be base64");
          }
          if (notice.length > MAX_NOTICE_BYTES
              || notice.length < 5
              || !new String(notice, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
                  .equals("%PDF-")) {
            return Verified.refused("notice must be a PDF of at most 5 MB");
          }
        }
      }
      return new Verified(
          Optional.of(
              new StatusEvent(
                  jti,
                  submission,
                  kind.get(),
                  issued,
                  approved,
                  reasons == null ? null : reasons.strip(),
                  notice)),
          null);
    } catch (ParseException e) {
      return Verified.refused("claims unreadable: " + e.getMessage());
    }
  }
}
