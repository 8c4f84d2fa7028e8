package eu.rathaus.portability.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.rathaus.portability.domain.PortabilityRefusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * An installation's portability keys, as a JSON Web Key Set: one RSA-3072 key to sign the exports
 * it writes ({@code use: sig}) and one to receive archives encrypted for it ({@code use: enc}). The
 * private set stays with the operator (file mode 600); the public set is handed to the other
 * operator — the source needs the target's public set to encrypt for it, the target the source's to
 * check the signature.
 */
public final class PortabilityKeys {

  private final JWKSet keys;

  private PortabilityKeys(JWKSet keys) {
    this.keys = keys;
  }

  /** A fresh key pair set. */
  public static PortabilityKeys generate() {
    try {
      return new PortabilityKeys(
          new JWKSet(
              java.util.List.of(
                  new RSAKeyGenerator(3072)
                      .keyUse(KeyUse.SIGNATURE)
                      .keyIDFromThumbprint(true)
                      .generate(),
                  new RSAKeyGenerator(3072)
                      .keyUse(KeyUse.ENCRYPTION)
                      .keyIDFromThumbprint(true)
                      .generate())));
    } catch (JOSEException e) {
      throw new IllegalStateException("RSA key generation failed", e);
    }
  }

  /** Reads a key set (private or public) from a JWK Set file. */
  public static PortabilityKeys read(Path file) {
    try {
      return new PortabilityKeys(JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | ParseException e) {
      throw new PortabilityRefusal(
          "Schlüsseldatei nicht lesbar / key file unreadable: "
              + file
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /**
   * A key set given as JWK Set text (an upload on the platform admin's page); refused with a clear
   * message when it is none.
   */
  public static PortabilityKeys parse(String jwks) {
    try {
      PortabilityKeys parsed = new PortabilityKeys(JWKSet.parse(jwks));
      parsed.signing();
      parsed.encryption();
      return parsed;
    } catch (ParseException | RuntimeException e) {
      if (e instanceof PortabilityRefusal refusal) {
        throw refusal;
      }
      throw new PortabilityRefusal(
          "Kein gültiger Portabilitätsschlüssel (JWK Set) / no valid portability key (JWK set)", e);
    }
  }

  /** This set as JWK Set text: the public half only, whatever it holds. */
  public String publicJson() {
    return keys.toPublicJWKSet().toString();
  }

  /** Writes the private set (mode 600) and, beside it, the public one. */
  public void write(Path privateFile, Path publicFile) throws IOException {
    Files.writeString(
        privateFile, keys.toString(false), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    try {
      Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own protection applies
    }
    Files.writeString(publicFile, keys.toPublicJWKSet().toString(), StandardCharsets.UTF_8);
  }

  /** The public half only. */
  public PortabilityKeys publicKeys() {
    return new PortabilityKeys(keys.toPublicJWKSet());
  }

  RSAKey signing() {
    return key(KeyUse.SIGNATURE);
  }

  RSAKey encryption() {
    return key(KeyUse.ENCRYPTION);
  }

  /** The thumbprint (RFC 7638) that names the encryption key in a signed statement. */
  public String encryptionThumbprint() {
    return thumbprint(encryption());
  }

  /** The thumbprint of the signing key. */
  public String signingThumbprint() {
    return thumbprint(signing());
  }

  private RSAKey key(KeyUse use) {
    for (JWK jwk : keys.getKeys()) {
      if (use.equals(jwk.getKeyUse()) && jwk instanceof RSAKey rsa) {
        return rsa;
      }
    }
    throw new PortabilityRefusal(
        "Die Schlüsseldatei enthält keinen RSA-Schlüssel für "
            + use.identifier()
            + " / the key file has no RSA key with use "
            + use.identifier());
  }

  private static String thumbprint(RSAKey key) {
    try {
      return key.computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
