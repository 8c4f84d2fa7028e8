package eu.rathaus.handoff.domain;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A destination's two public keys, checked when the municipal admin saves them: the encryption key
 * must be an RSA public key of at least 2048 bits for RSA-OAEP-256 (use {@code enc} or none), the
 * signature key an RSA (≥ 2048 bits) or EC P-256/P-384/P-521 public key (use {@code sig} or none).
 * A key with private parts is refused — the portal must never hold the destination's secret.
 *
 * <p>Problems are message keys ({@code handoff.key.*}) with the field they belong to.
 */
public record DestinationKeys(RSAKey encryption, JWK signature) {

  public static final int MIN_RSA_BITS = 2048;
  static final int MAX_JWK_CHARS = 20_000;

  private static final Set<Curve> CURVES = Set.of(Curve.P_256, Curve.P_384, Curve.P_521);

  /** One refused key: which field ({@code encryptionKey}, {@code signatureKey}) and why. */
  public record Problem(String field, String key) {}

  /** Either the keys or the problems, never both. */
  public record Checked(Optional<DestinationKeys> keys, List<Problem> problems) {}

  public static Checked check(String encryptionJwk, String signatureJwk) {
    List<Problem> problems = new ArrayList<>();
    RSAKey encryption = encryptionKey(encryptionJwk, problems);
    JWK signature = signatureKey(signatureJwk, problems);
    if (!problems.isEmpty()) {
      return new Checked(Optional.empty(), List.copyOf(problems));
    }
    return new Checked(Optional.of(new DestinationKeys(encryption, signature)), List.of());
  }

  /** Both keys as stored: their public JSON. */
  public static DestinationKeys parseStored(String encryptionJwk, String signatureJwk) {
    try {
      return new DestinationKeys(RSAKey.parse(encryptionJwk), JWK.parse(signatureJwk));
    } catch (ParseException e) {
      throw new IllegalStateException("Stored destination key unreadable", e);
    }
  }

  private static RSAKey encryptionKey(String json, List<Problem> problems) {
    String field = "encryptionKey";
    Optional<JWK> parsed = parse(json, field, problems);
    if (parsed.isEmpty()) {
      return null;
    }
    JWK jwk = parsed.get();
    if (!(jwk instanceof RSAKey rsa)) {
      problems.add(new Problem(field, "handoff.key.encryption-not-rsa"));
      return null;
    }
    if (rsa.isPrivate()) {
      problems.add(new Problem(field, "handoff.key.private"));
      return null;
    }
    if (rsa.size() < MIN_RSA_BITS) {
      problems.add(new Problem(field, "handoff.key.too-short"));
      return null;
    }
    if (rsa.getKeyUse() != null && !KeyUse.ENCRYPTION.equals(rsa.getKeyUse())) {
      problems.add(new Problem(field, "handoff.key.encryption-use"));
      return null;
    }
    if (rsa.getAlgorithm() != null && !JWEAlgorithm.RSA_OAEP_256.equals(rsa.getAlgorithm())) {
      problems.add(new Problem(field, "handoff.key.encryption-alg"));
      return null;
    }
    return rsa;
  }

  private static JWK signatureKey(String json, List<Problem> problems) {
    String field = "signatureKey";
    Optional<JWK> parsed = parse(json, field, problems);
    if (parsed.isEmpty()) {
      return null;
    }
    JWK jwk = parsed.get();
    if (!(jwk instanceof RSAKey) && !(jwk instanceof ECKey)) {
      problems.add(new Problem(field, "handoff.key.signature-type"));
      return null;
    }
    if (jwk.isPrivate()) {
      problems.add(new Problem(field, "handoff.key.private"));
      return null;
    }
    if (jwk instanceof RSAKey rsa) {
      if (rsa.size() < MIN_RSA_BITS) {
        problems.add(new Problem(field, "handoff.key.too-short"));
        return null;
      }
    } else if (jwk instanceof ECKey ec) {
      if (!CURVES.contains(ec.getCurve())) {
        problems.add(new Problem(field, "handoff.key.signature-type"));
        return null;
      }
    } else {
      problems.add(new Problem(field, "handoff.key.signature-type"));
      return null;
    }
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      problems.add(new Problem(field, "handoff.key.signature-use"));
      return null;
    }
    if (jwk.getAlgorithm() != null) {
      JWSAlgorithm alg = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
      boolean fits =
          jwk instanceof RSAKey
              ? JWSAlgorithm.Family.RSA.contains(alg)
              : JWSAlgorithm.Family.EC.contains(alg);
      if (!fits) {
        problems.add(new Problem(field, "handoff.key.signature-type"));
        return null;
      }
    }
    return jwk;
  }

  private static Optional<JWK> parse(String json, String field, List<Problem> problems) {
    if (json == null || json.isBlank()) {
      problems.add(new Problem(field, "handoff.key.required"));
      return Optional.empty();
    }
    if (json.length() > MAX_JWK_CHARS) {
      problems.add(new Problem(field, "handoff.key.unreadable"));
      return Optional.empty();
    }
    try {
      return Optional.of(JWK.parse(json.strip()));
    } catch (ParseException | RuntimeException e) {
      problems.add(new Problem(field, "handoff.key.unreadable"));
      return Optional.empty();
    }
  }

  /** The encryption key's public JSON, as stored. */
  public String encryptionJson() {
    return encryption.toPublicJWK().toJSONString();
  }

  /** The signature key's public JSON, as stored. */
  public String signatureJson() {
    return signature.toPublicJWK().toJSONString();
  }
}
